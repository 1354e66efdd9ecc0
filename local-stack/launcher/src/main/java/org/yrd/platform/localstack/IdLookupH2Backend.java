package org.yrd.platform.localstack;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import java.util.List;
import org.h2.mvstore.MVStore;

/**
 * The H2-file wire-protocol backend, with one difference that matters for speed: a query that pins {@code _id} to one
 * value and adds other conditions ({@code {_id, version}} in every optimistic update, {@code {_id, leaseOwner}} in
 * the outbox relay) is answered through the {@code _id} index, as MongoDB does, instead of by reading every document
 * of the collection. Without it each such update costs a scan, and the local stack slows down as its data grows.
 */
final class IdLookupH2Backend extends H2Backend {

    IdLookupH2Backend(String fileName) {
        super(fileName);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new IdLookupDatabase(databaseName, getMvStore(), getCursorRegistry());
    }

    private static final class IdLookupDatabase extends H2Database {

        IdLookupDatabase(String databaseName, MVStore mvStore, CursorRegistry cursorRegistry) {
            super(databaseName, mvStore, cursorRegistry);
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                        boolean sparse) {
            Index<Object> index = super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse);
            return IdLookupIndex.isIdIndex(keys) ? new IdLookupIndex(index) : index;
        }
    }
}
