package io.github.tablestore.flink.tunnel.emulator.api;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Parser;

/** Parsing request bodies: a body that is not the expected message is OTSParameterInvalid. */
final class Requests {
    private Requests() {}

    static <T> T parse(Parser<T> parser, byte[] body, String what) {
        try {
            return parser.parseFrom(body);
        } catch (InvalidProtocolBufferException e) {
            throw Errors.parameterInvalid("Invalid " + what + " request: " + e.getMessage());
        }
    }
}
