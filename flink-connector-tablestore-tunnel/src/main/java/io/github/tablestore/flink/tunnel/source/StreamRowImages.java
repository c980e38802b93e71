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

package io.github.tablestore.flink.tunnel.source;

import io.github.tablestore.flink.tunnel.client.model.StreamRecordOptions;

/**
 * Which full row images the stream records of a tunnel the source creates carry (the tunnel's
 * stream record options). With an after-image, a record of a partial UpdateRow arrives with the
 * complete row after the change ({@code TunnelRecord.latestColumns()}), so no state is needed to
 * know the columns the update left untouched.
 */
public enum StreamRowImages {
    /** Only the cells each change wrote (and the table stream's origin columns): the default. */
    NONE,
    /** Also the complete row after each change. */
    AFTER,
    /** Also the complete row before and after each change. */
    BEFORE_AND_AFTER;

    /** The CreateTunnel options for these images, or null for none. */
    public StreamRecordOptions toStreamRecordOptions() {
        switch (this) {
            case AFTER:
                return StreamRecordOptions.fullRowImages();
            case BEFORE_AND_AFTER:
                return StreamRecordOptions.fullRowImagesWithBefore();
            case NONE:
            default:
                return null;
        }
    }

    /** Whether a tunnel created with {@code actual} (null: none) delivers these images. */
    public boolean deliveredBy(StreamRecordOptions actual) {
        switch (this) {
            case AFTER:
                return actual != null && actual.hasFullAfterImage();
            case BEFORE_AND_AFTER:
                return actual != null && actual.hasFullAfterImage() && actual.hasFullBeforeImage();
            case NONE:
            default:
                return true;
        }
    }
}
