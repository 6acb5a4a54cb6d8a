package dev.bazaar.dedup;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.WriteBufferManager;

/**
 * Bounds what the RocksDB stores of one JVM take off the heap, whatever the number of keys: one block
 * cache of {@value #TOTAL_BYTES} bytes shared by every store, index and filter blocks inside it, and
 * the memtables counted against it. A store of many millions of keys then lives on disk and costs
 * memory only for what is hot. Set it with {@code rocksdb.config.setter} (see {@link #apply}).
 */
public final class BoundedRocksDb implements RocksDBConfigSetter {

    /** Off-heap bytes for every store of the JVM together (block cache, indexes, filters and memtables). */
    public static final long TOTAL_BYTES = 64L * 1024 * 1024;
    private static final long MEMTABLE_BYTES = 16L * 1024 * 1024;
    private static final double INDEX_FILTER_RATIO = 0.2;

    /** Made when the first store opens (RocksDB's native library loaded first), then shared. */
    private static final class Shared {
        static {
            RocksDB.loadLibrary();
        }

        static final Cache CACHE = new LRUCache(TOTAL_BYTES, -1, false, INDEX_FILTER_RATIO);
        static final WriteBufferManager MEMTABLES = new WriteBufferManager(MEMTABLE_BYTES, CACHE);
    }

    /** Sets this class as the RocksDB configuration of a Streams application's settings. */
    public static void apply(Map<Object, Object> streamsConfig) {
        streamsConfig.put("rocksdb.config.setter", BoundedRocksDb.class.getName());
    }

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(Shared.CACHE);
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinTopLevelIndexAndFilter(true);
        options.setWriteBufferManager(Shared.MEMTABLES);
        options.setMaxWriteBufferNumber(2);
        options.setWriteBufferSize(4L * 1024 * 1024);
        options.setTableFormatConfig(table);
    }

    @Override
    public void close(String storeName, Options options) {
        // the cache and the write buffer manager are shared by every store of the JVM: never closed per store
    }
}
