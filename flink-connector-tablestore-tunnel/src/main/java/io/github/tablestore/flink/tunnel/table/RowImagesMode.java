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

package io.github.tablestore.flink.tunnel.table;

import org.apache.flink.configuration.DescribedEnum;
import org.apache.flink.configuration.description.InlineElement;

import static org.apache.flink.configuration.description.TextElement.text;

/** Values of {@code scan.row-images}: where full row images of partial updates come from. */
public enum RowImagesMode implements DescribedEnum {
    FLINK_STATE(
            "flink-state",
            "A keyed operator after the source keeps each key's last row in Flink state."),
    TUNNEL(
            "tunnel",
            "The tunnel's stream records carry the complete row (stream record options set when "
                    + "the job creates the tunnel); no state, no keyBy.");

    private final String value;
    private final String description;

    RowImagesMode(String value, String description) {
        this.value = value;
        this.description = description;
    }

    /** The option value (Flink parses enum options by toString). */
    @Override
    public String toString() {
        return value;
    }

    @Override
    public InlineElement getDescription() {
        return text(description);
    }
}
