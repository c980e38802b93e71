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

package io.github.tablestore.flink.tunnel.emulator.fault;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FaultsTest {

    @Test
    void matchesPathsLastSegmentsSdkNamesAndWildcards() {
        assertThat(FaultSpec.on("ReadRecords").serverBusy().matches("tunnel/readrecords")).isTrue();
        assertThat(FaultSpec.on("/tunnel/readrecords").serverBusy().matches("tunnel/readrecords"))
                .isTrue();
        assertThat(FaultSpec.on("ListTunnel").serverBusy().matches("tunnel/list")).isTrue();
        assertThat(FaultSpec.on("ConnectTunnel").serverBusy().matches("tunnel/connect")).isTrue();
        assertThat(FaultSpec.on("putrow").serverBusy().matches("PutRow")).isTrue();
        assertThat(FaultSpec.on("*").serverBusy().matches("anything")).isTrue();
        assertThat(FaultSpec.on("PutRow").serverBusy().matches("GetRow")).isFalse();
        assertThat(FaultSpec.on("Checkpoint").serverBusy().matches("tunnel/getcheckpoint"))
                .isFalse();
    }

    @Test
    void limitedRulesFireTheirNumberOfTimesThenGo() {
        Faults faults = new Faults(1);
        faults.add(FaultSpec.on("PutRow").tunnelServerUnavailable().times(2));
        assertThat(faults.decide("GetRow").isNone()).isTrue();
        assertThat(faults.decide("PutRow").fault().kind())
                .isEqualTo(FaultKind.TUNNEL_SERVER_UNAVAILABLE);
        assertThat(faults.rules())
                .singleElement()
                .satisfies(
                        r -> {
                            assertThat(r.remaining()).isEqualTo(1);
                            assertThat(r.fired()).isEqualTo(1);
                        });
        assertThat(faults.decide("PutRow").fault()).isNotNull();
        assertThat(faults.decide("PutRow").isNone()).isTrue();
        assertThat(faults.rules()).isEmpty();
        assertThat(faults.totalFired()).isEqualTo(2);
    }

    @Test
    void latenciesAddUpAndTheFirstErrorWins() {
        Faults faults = new Faults(1);
        faults.add(FaultSpec.on("*").latency(Duration.ofMillis(10)));
        faults.add(FaultSpec.on("*").latency(Duration.ofMillis(5)));
        String busy = faults.add(FaultSpec.on("*").serverBusy().times(1));
        faults.add(FaultSpec.on("*").dropConnection().times(1));
        FaultDecision d = faults.decide("x");
        assertThat(d.delayMillis()).isEqualTo(15);
        assertThat(d.fault().kind()).isEqualTo(FaultKind.SERVER_BUSY);
        assertThat(faults.rules()).extracting(FaultRule::id).doesNotContain(busy);
        assertThat(faults.decide("x").fault().kind()).isEqualTo(FaultKind.DROP_CONNECTION);
        assertThat(faults.decide("x").fault()).isNull();
    }

    @Test
    void probabilisticRulesAreRepeatableWithASeed() {
        StringBuilder first = new StringBuilder();
        StringBuilder second = new StringBuilder();
        for (StringBuilder out : new StringBuilder[] {first, second}) {
            Faults faults = new Faults(7);
            faults.add(FaultSpec.on("*").serverBusy().probability(0.3));
            for (int i = 0; i < 200; i++) {
                out.append(faults.decide("x").isNone() ? '.' : 'x');
            }
        }
        assertThat(first.toString()).isEqualTo(second.toString());
        long hits = first.chars().filter(c -> c == 'x').count();
        assertThat(hits).isBetween(30L, 90L);
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> FaultSpec.on(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FaultSpec.on("x").serverBusy().times(0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FaultSpec.on("x").serverBusy().probability(0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FaultSpec.on("x").error(200, "OK", null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FaultSpec.on("x").latency(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
