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

package io.github.tablestore.flink.tunnel.source.config;

import io.github.tablestore.flink.tunnel.client.model.TunnelInfo;
import io.github.tablestore.flink.tunnel.client.model.TunnelType;
import io.github.tablestore.flink.tunnel.source.StreamRowImages;

import org.apache.flink.annotation.Internal;

/**
 * Whether an existing tunnel delivers the full row images the source needs. A tunnel keeps the
 * stream record options of its CreateTunnel, so a tunnel created without them can never serve the
 * source: fail when it is resolved rather than on its first partial update.
 */
@Internal
public final class StreamRowImagesCheck {
    private StreamRowImagesCheck() {}

    /**
     * What is missing, or null when the tunnel delivers the images (or none are needed). A tunnel
     * that DescribeTunnel reports no options for has none: a service that supports the options
     * reports them (TunnelInfo field 14), and one that does not support them sends no images.
     */
    public static String mismatch(TunnelSourceConfig config, TunnelInfo existing) {
        StreamRowImages wanted = config.streamRowImages();
        if (wanted == StreamRowImages.NONE || existing.type() == TunnelType.BASE_DATA) {
            return null;
        }
        if (wanted.deliveredBy(existing.streamRecordOptions())) {
            return null;
        }
        return "The "
                + config.describeTunnel()
                + " exists "
                + (existing.streamRecordOptions() == null
                        ? "without stream record options"
                        : "with " + existing.streamRecordOptions())
                + ", which do not give the "
                + wanted
                + " row images the source needs; a tunnel keeps the stream record options it was "
                + "created with.";
    }
}
