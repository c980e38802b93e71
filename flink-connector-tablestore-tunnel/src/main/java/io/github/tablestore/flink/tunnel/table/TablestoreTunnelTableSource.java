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

import io.github.tablestore.flink.tunnel.client.model.TunnelType;
import io.github.tablestore.flink.tunnel.source.StreamRowImages;
import io.github.tablestore.flink.tunnel.source.TunnelSource;
import io.github.tablestore.flink.tunnel.source.TunnelSourceBuilder;
import io.github.tablestore.flink.tunnel.table.lookup.LookupSettings;
import io.github.tablestore.flink.tunnel.table.lookup.TablestoreLookup;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.DataStreamSource;
import org.apache.flink.streaming.api.datastream.DataStreamUtils;
import org.apache.flink.streaming.api.datastream.KeyedStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.ValidationException;
import org.apache.flink.table.connector.ChangelogMode;
import org.apache.flink.table.connector.ProviderContext;
import org.apache.flink.table.connector.source.DataStreamScanProvider;
import org.apache.flink.table.connector.source.DynamicTableSource;
import org.apache.flink.table.connector.source.LookupTableSource;
import org.apache.flink.table.connector.source.ScanTableSource;
import org.apache.flink.table.connector.source.abilities.SupportsProjectionPushDown;
import org.apache.flink.table.connector.source.abilities.SupportsReadingMetadata;
import org.apache.flink.table.connector.source.abilities.SupportsWatermarkPushDown;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.types.DataType;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.types.RowKind;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code tablestore-tunnel} scan source, and lookup source for joins {@code FOR SYSTEM_TIME AS
 * OF} ({@link TablestoreLookup}). Reads the tunnel with {@link TunnelSource}, decoding
 * only the attribute columns the query needs; builds full row images with {@link
 * RowImageFunction} where a change could leave a projected column untouched.
 */
final class TablestoreTunnelTableSource
        implements ScanTableSource,
                LookupTableSource,
                SupportsProjectionPushDown,
                SupportsReadingMetadata,
                SupportsWatermarkPushDown {

    private final SourceSettings settings;
    private final TableFacts facts;

    /** Every physical column of the declared table. */
    private final DataType physicalRowType;

    /** Type of the 'timestamp' metadata column as declared, or null. */
    private final LogicalType declaredTimestampType;

    /** How the table serves lookup joins. */
    private final LookupSettings lookupSettings;

    private int[] projection;
    private List<String> metadataKeys = List.of();
    private DataType producedDataType;
    private WatermarkStrategy<RowData> watermarkStrategy;

    TablestoreTunnelTableSource(
            SourceSettings settings,
            TableFacts facts,
            DataType physicalRowType,
            LogicalType declaredTimestampType,
            LookupSettings lookupSettings) {
        this.settings = settings;
        this.lookupSettings = lookupSettings;
        this.facts = facts;
        this.physicalRowType = physicalRowType;
        this.declaredTimestampType = declaredTimestampType;
        this.projection = allColumns(physicalRowType);
        this.producedDataType = physicalRowType;
    }

    private static int[] allColumns(DataType rowType) {
        int n = ((RowType) rowType.getLogicalType()).getFieldCount();
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        return all;
    }

    // ------------------------------------------------------------------ abilities

    @Override
    public boolean supportsNestedProjection() {
        return false;
    }

    @Override
    public void applyProjection(int[][] projectedFields, DataType producedDataType) {
        int[] top = new int[projectedFields.length];
        for (int i = 0; i < projectedFields.length; i++) {
            top[i] = projectedFields[i][0];
        }
        this.projection = top;
        this.producedDataType = producedDataType;
    }

    @Override
    public Map<String, DataType> listReadableMetadata() {
        Map<String, DataType> m = new LinkedHashMap<>();
        for (TunnelMetadata meta : TunnelMetadata.values()) {
            m.put(meta.key, meta.dataType(declaredTimestampType));
        }
        RowType row = (RowType) physicalRowType.getLogicalType();
        List<DataType> fieldTypes = physicalRowType.getChildren();
        for (int i = 0; i < row.getFieldCount(); i++) {
            String name = row.getFieldNames().get(i);
            if (!facts.primaryKey.contains(name)) {
                m.put(TunnelMetadata.ORIGIN_PREFIX + name, fieldTypes.get(i).nullable());
            }
        }
        return m;
    }

    @Override
    public void applyReadableMetadata(List<String> metadataKeys, DataType producedDataType) {
        this.metadataKeys = List.copyOf(metadataKeys);
        this.producedDataType = producedDataType;
    }

    @Override
    public void applyWatermark(WatermarkStrategy<RowData> watermarkStrategy) {
        this.watermarkStrategy = watermarkStrategy;
    }

    // ------------------------------------------------------------------ runtime

    @Override
    public ChangelogMode getChangelogMode() {
        if (facts.tunnelType == null
                || facts.tunnelType == TunnelType.BASE_DATA
                || !settings.outputRowKinds) {
            return ChangelogMode.insertOnly();
        }
        ChangelogMode.Builder b =
                ChangelogMode.newBuilder()
                        .addContainedKind(RowKind.INSERT)
                        .addContainedKind(RowKind.UPDATE_BEFORE)
                        .addContainedKind(RowKind.UPDATE_AFTER);
        if (!settings.ignoreDelete) {
            b.addContainedKind(RowKind.DELETE);
        }
        return b.build();
    }

    /** Whether a change can leave a projected column untouched, or rows need their kinds. */
    private boolean needsRowImages(RowShape shape) {
        return facts.tunnelType != TunnelType.BASE_DATA
                && (settings.outputRowKinds || shape.hasAttributes());
    }

    /** Whether rows go through {@link RowImageFunction}. */
    boolean usesRowImages(RowShape shape) {
        return needsRowImages(shape) && settings.rowImages == RowImagesMode.FLINK_STATE;
    }

    /** Whether the tunnel's stream records bring the full rows ({@code scan.row-images}). */
    boolean usesTunnelImages(RowShape shape) {
        return needsRowImages(shape) && settings.rowImages == RowImagesMode.TUNNEL;
    }

    RowShape shape() {
        RowType row = (RowType) physicalRowType.getLogicalType();
        List<String> names = new ArrayList<>();
        List<LogicalType> types = new ArrayList<>();
        List<Boolean> primaryKey = new ArrayList<>();
        for (int index : projection) {
            String name = row.getFieldNames().get(index);
            names.add(name);
            types.add(row.getTypeAt(index));
            primaryKey.add(facts.primaryKey.contains(name));
        }
        List<LogicalType> metadataTypes = new ArrayList<>();
        Map<String, DataType> readable = listReadableMetadata();
        for (String key : metadataKeys) {
            metadataTypes.add(readable.get(key).getLogicalType());
        }
        return new RowShape(
                settings.tableName, names, types, primaryKey, metadataKeys, metadataTypes);
    }

    /** The attribute columns the readers decode: projected ones and those whose before-image is read. */
    List<String> decodedColumns(RowShape shape) {
        Set<String> columns = new LinkedHashSet<>(shape.attributeNames());
        for (String key : metadataKeys) {
            if (key.startsWith(TunnelMetadata.ORIGIN_PREFIX)) {
                columns.add(key.substring(TunnelMetadata.ORIGIN_PREFIX.length()));
            }
        }
        return new ArrayList<>(columns);
    }

    /** The DataStream source for the current projection and metadata. */
    TunnelSource<RowData> createSource(
            RowShape shape,
            TypeInformation<RowData> producedType,
            TypeInformation<RowData> envelopeType) {
        boolean images = usesRowImages(shape);
        CellConverter[] converters = new CellConverter[shape.physicalCount()];
        for (int i = 0; i < converters.length; i++) {
            converters[i] = CellConverters.forType(shape.types[i], settings.epochUnit);
        }
        TunnelMetadata.Reader[] readers = new TunnelMetadata.Reader[shape.metadataCount()];
        for (int j = 0; j < readers.length; j++) {
            String key = shape.metadataKeys[j];
            TunnelMetadata meta = TunnelMetadata.byKey(key);
            if (meta != null) {
                readers[j] = meta.reader(shape.metadataTypes[j]);
            } else {
                String column = key.substring(TunnelMetadata.ORIGIN_PREFIX.length());
                readers[j] =
                        TunnelMetadata.originReader(
                                column,
                                CellConverters.forType(shape.metadataTypes[j], settings.epochUnit));
            }
        }
        boolean tunnelImages = usesTunnelImages(shape);
        TypeInformation<RowData> deserializedType = images ? envelopeType : producedType;
        TunnelRowDataDeserializer deserializer =
                new TunnelRowDataDeserializer(
                        shape,
                        converters,
                        readers,
                        images,
                        tunnelImages,
                        settings.outputRowKinds,
                        settings.ignoreDelete,
                        settings.skipInvalidData,
                        deserializedType);
        try {
            TunnelSourceBuilder<RowData> b =
                    settings.builder(facts.tunnelType, deserializer)
                            .setAttributeColumns(decodedColumns(shape));
            if (tunnelImages) {
                b.setStreamRowImages(
                        settings.outputRowKinds
                                ? StreamRowImages.BEFORE_AND_AFTER
                                : StreamRowImages.AFTER);
            }
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new ValidationException(
                    "Invalid options for table '" + settings.tableName + "': " + e.getMessage(), e);
        }
    }

    @Override
    public ScanRuntimeProvider getScanRuntimeProvider(ScanContext context) {
        if (settings.tunnelName == null) {
            throw new ValidationException(
                    "Table '"
                            + settings.tableName
                            + "' is read as a source, which needs the option 'tunnel-name' (VVR: "
                            + "tunnelName); without it the table can only be a lookup (dimension) "
                            + "table in a join FOR SYSTEM_TIME AS OF");
        }
        RowShape shape = shape();
        if (usesTunnelImages(shape) && settings.outputRowKinds) {
            checkChangelogFromTunnelImages();
        }
        TypeInformation<RowData> producedType = context.createTypeInformation(producedDataType);
        boolean images = usesRowImages(shape);
        TunnelSource<RowData> source =
                createSource(
                        shape,
                        producedType,
                        context.createTypeInformation(ImageEnvelope.rowType(shape)));
        WatermarkStrategy<RowData> watermarks = watermarkStrategy;
        String name = "TablestoreTunnel[" + settings.tableName + "/" + settings.tunnelName + "]";
        Integer parallelism = settings.parallelism;
        boolean changelog = settings.outputRowKinds;
        boolean ignoreDelete = settings.ignoreDelete;
        boolean seededByBaseData = facts.tunnelType == TunnelType.BASE_AND_STREAM;
        boolean skipInvalid = settings.skipInvalidData;
        return new DataStreamScanProvider() {
            @Override
            public DataStream<RowData> produceDataStream(
                    ProviderContext provider, StreamExecutionEnvironment env) {
                // With row images the watermarks follow the images: a partial change may lack the
                // rowtime column that the full image has.
                WatermarkStrategy<RowData> atSource =
                        images || watermarks == null
                                ? WatermarkStrategy.noWatermarks()
                                : watermarks;
                DataStreamSource<RowData> stream =
                        env.fromSource(source, atSource, name, source.getProducedType());
                provider.generateUid("source").ifPresent(stream::uid);
                if (parallelism != null) {
                    stream.setParallelism(parallelism);
                }
                if (!images) {
                    return stream;
                }
                // At parallelism 1 the one subtask reads every channel — a split's or merge's
                // children too — and owns every key group, so the image operator is chained to
                // the source: no keyBy exchange (serializing, a network channel, a second task
                // thread). At any other parallelism a key's channel may be read by another
                // subtask than its state's (after a split or merge, a hand-back): keyBy.
                boolean chained = (parallelism != null ? parallelism : env.getParallelism()) == 1;
                KeyedStream<RowData, String> keyed;
                if (chained) {
                    stream.setParallelism(1);
                    keyed =
                            DataStreamUtils.reinterpretAsKeyedStream(
                                    stream, new RowKey(), Types.STRING);
                } else {
                    keyed = stream.keyBy(new RowKey(), Types.STRING);
                }
                SingleOutputStreamOperator<RowData> rows =
                        keyed.process(
                                        new RowImageFunction(
                                                shape,
                                                changelog,
                                                ignoreDelete,
                                                seededByBaseData,
                                                skipInvalid,
                                                chained),
                                        producedType)
                                .name(name + " row images");
                if (chained) {
                    rows.setParallelism(1);
                }
                provider.generateUid("row-images").ifPresent(rows::uid);
                if (watermarks == null) {
                    return rows;
                }
                SingleOutputStreamOperator<RowData> withWatermarks =
                        rows.assignTimestampsAndWatermarks(watermarks);
                provider.generateUid("watermarks").ifPresent(withWatermarks::uid);
                return withWatermarks;
            }

            @Override
            public boolean isBounded() {
                return source.getBoundedness() == Boundedness.BOUNDED;
            }
        };
    }

    /**
     * A changelog from the tunnel's images retracts with the record's before-image, which has the
     * earlier row's values but not its metadata, and cannot retract a row it dropped.
     */
    private void checkChangelogFromTunnelImages() {
        String both =
                "'"
                        + TablestoreTunnelTableOptions.OUTPUT_ROW_KINDS.key()
                        + "' = 'true' with '"
                        + TablestoreTunnelTableOptions.SCAN_ROW_IMAGES.key()
                        + "' = 'tunnel'";
        if (!metadataKeys.isEmpty()) {
            throw new ValidationException(
                    "Table '"
                            + settings.tableName
                            + "' reads metadata columns "
                            + metadataKeys
                            + " with "
                            + both
                            + ": an UPDATE_BEFORE or DELETE row must repeat the retracted row, "
                            + "metadata included, and the tunnel's before-image has only its "
                            + "values. Drop the metadata columns from the query, or use '"
                            + TablestoreTunnelTableOptions.SCAN_ROW_IMAGES.key()
                            + "' = 'flink-state'");
        }
        if (settings.ignoreDelete) {
            throw new ValidationException(
                    "Table '"
                            + settings.tableName
                            + "' sets '"
                            + TablestoreTunnelTableOptions.IGNORE_DELETE.key()
                            + "' with "
                            + both
                            + ": a dropped deletion leaves a row downstream that no later change "
                            + "can retract without state. Use '"
                            + TablestoreTunnelTableOptions.SCAN_ROW_IMAGES.key()
                            + "' = 'flink-state' for that");
        }
    }

    @Override
    public LookupRuntimeProvider getLookupRuntimeProvider(LookupContext context) {
        if (!metadataKeys.isEmpty()) {
            throw new ValidationException(
                    "Table '"
                            + settings.tableName
                            + "' is used as a lookup table with metadata columns "
                            + metadataKeys
                            + ", which describe tunnel records and have no value in a lookup; "
                            + "declare the lookup table without them");
        }
        RowType row = (RowType) physicalRowType.getLogicalType();
        List<String> names = new ArrayList<>();
        List<LogicalType> types = new ArrayList<>();
        List<CellConverter> converters = new ArrayList<>();
        for (int index : projection) {
            LogicalType type = row.getTypeAt(index);
            names.add(row.getFieldNames().get(index));
            types.add(type);
            converters.add(CellConverters.forType(type, settings.epochUnit));
        }
        int[][] keys = context.getKeys();
        int[] keyColumns = new int[keys.length];
        for (int i = 0; i < keys.length; i++) {
            keyColumns[i] = keys[i][0];
        }
        return TablestoreLookup.provider(
                settings.clients(),
                lookupSettings,
                settings.tableName,
                facts.primaryKey,
                names,
                types,
                converters,
                keyColumns,
                settings.skipInvalidData);
    }

    /** Keys an image envelope by its row key ({@link RowKeys}). */
    static final class RowKey implements KeySelector<RowData, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public String getKey(RowData envelope) {
            return RowKeys.key(envelope.getBinary(ImageEnvelope.KEY));
        }
    }

    @Override
    public DynamicTableSource copy() {
        TablestoreTunnelTableSource copy =
                new TablestoreTunnelTableSource(
                        settings, facts, physicalRowType, declaredTimestampType, lookupSettings);
        copy.projection = projection.clone();
        copy.metadataKeys = metadataKeys;
        copy.producedDataType = producedDataType;
        copy.watermarkStrategy = watermarkStrategy;
        return copy;
    }

    @Override
    public String asSummaryString() {
        return "TablestoreTunnel";
    }

    /** For tests: the facts and settings this source was planned with. */
    TableFacts facts() {
        return facts;
    }

    SourceSettings settings() {
        return settings;
    }

    @Override
    public String toString() {
        return "TablestoreTunnelTableSource{"
                + settings
                + ", projection="
                + Arrays.toString(projection)
                + ", metadata="
                + metadataKeys
                + "}";
    }
}
