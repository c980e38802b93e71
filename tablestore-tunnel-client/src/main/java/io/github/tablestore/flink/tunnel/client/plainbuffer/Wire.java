/*
 * Copyright 2026 The Tablestore Tunnel Flink connector authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package io.github.tablestore.flink.tunnel.client.plainbuffer;

/** PlainBuffer constants: header, tags, cell operation bytes and value type bytes. */
final class Wire {
    static final int HEADER = 0x75;

    static final int TAG_ROW_PK = 0x01;
    static final int TAG_ROW_DATA = 0x02;
    static final int TAG_CELL = 0x03;
    static final int TAG_CELL_NAME = 0x04;
    static final int TAG_CELL_VALUE = 0x05;
    static final int TAG_CELL_TYPE = 0x06;
    static final int TAG_CELL_TIMESTAMP = 0x07;
    static final int TAG_DELETE_ROW_MARKER = 0x08;
    static final int TAG_ROW_CHECKSUM = 0x09;
    static final int TAG_CELL_CHECKSUM = 0x0A;
    static final int TAG_EXTENSION = 0x0B;
    static final int TAG_SEQ_INFO = 0x0C;
    static final int TAG_SEQ_INFO_EPOCH = 0x0D;
    static final int TAG_SEQ_INFO_TS = 0x0E;
    static final int TAG_SEQ_INFO_ROW_INDEX = 0x0F;

    static final int OP_DELETE_ALL_VERSIONS = 0x01;
    static final int OP_DELETE_ONE_VERSION = 0x03;
    static final int OP_INCREMENT = 0x04;

    static final int VT_INTEGER = 0x00;
    static final int VT_DOUBLE = 0x01;
    static final int VT_BOOLEAN = 0x02;
    static final int VT_STRING = 0x03;
    static final int VT_BLOB = 0x07;
    static final int VT_INF_MIN = 0x09;
    static final int VT_INF_MAX = 0x0A;
    static final int VT_AUTO_INCREMENT = 0x0B;

    /** Extension length the Java SDK writes for a sequence-info-only extension: 1 + 4 + 19. */
    static final int EXTENSION_LENGTH = 24;

    /** Sequence-info length the Java SDK writes: 1 + 4 + 1 + 8 + 1 + 4. */
    static final int SEQ_INFO_LENGTH = 19;

    private Wire() {}

    /** Tags 1..15 are known; anything else inside an extension is skipped by its length. */
    static boolean isKnownTag(int tag) {
        return tag >= TAG_ROW_PK && tag <= TAG_SEQ_INFO_ROW_INDEX;
    }

    static String tagName(int tag) {
        switch (tag) {
            case TAG_ROW_PK:
                return "ROW_PK";
            case TAG_ROW_DATA:
                return "ROW_DATA";
            case TAG_CELL:
                return "CELL";
            case TAG_CELL_NAME:
                return "CELL_NAME";
            case TAG_CELL_VALUE:
                return "CELL_VALUE";
            case TAG_CELL_TYPE:
                return "CELL_TYPE";
            case TAG_CELL_TIMESTAMP:
                return "CELL_TIMESTAMP";
            case TAG_DELETE_ROW_MARKER:
                return "DELETE_ROW_MARKER";
            case TAG_ROW_CHECKSUM:
                return "ROW_CHECKSUM";
            case TAG_CELL_CHECKSUM:
                return "CELL_CHECKSUM";
            case TAG_EXTENSION:
                return "EXTENSION";
            case TAG_SEQ_INFO:
                return "SEQ_INFO";
            case TAG_SEQ_INFO_EPOCH:
                return "SEQ_INFO_EPOCH";
            case TAG_SEQ_INFO_TS:
                return "SEQ_INFO_TS";
            case TAG_SEQ_INFO_ROW_INDEX:
                return "SEQ_INFO_ROW_INDEX";
            default:
                return "unknown";
        }
    }

    private static final char[] HEX_DIGITS = "0123456789abcdef".toCharArray();

    static String hex(int b) {
        return new String(new char[] {'0', 'x', HEX_DIGITS[(b >> 4) & 0xF], HEX_DIGITS[b & 0xF]});
    }
}
