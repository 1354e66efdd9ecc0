package org.yrd.platform.localstack;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.KeyConstraintError;
import java.util.List;

/**
 * The {@code _id} index of a collection, which also serves queries that pin {@code _id} to one plain value next to
 * other conditions. mongo-java-server uses an index only for a query on exactly its keys; here the index narrows such
 * a query to the one document with that {@code _id}, and the server then applies the whole query to it as usual, so
 * the answer is the same as a scan's. Everything else is the wrapped index's own behaviour.
 */
final class IdLookupIndex extends Index<Object> {

    private static final String ID = "_id";

    private final Index<Object> index;

    IdLookupIndex(Index<Object> index) {
        super(index.getName(), index.getKeys(), false);
        this.index = index;
    }

    static boolean isIdIndex(List<IndexKey> keys) {
        return keys.size() == 1 && keys.get(0).getKey().equals(ID);
    }

    @Override
    public boolean canHandle(Document query) {
        return index.canHandle(query) || pinnedId(query) != null;
    }

    @Override
    public Iterable<Object> getPositions(Document query) {
        return index.canHandle(query) ? index.getPositions(query) : index.getPositions(new Document(ID, pinnedId(query)));
    }

    /** The _id value a query with further conditions pins, or null when it does not pin one plain value. */
    private static Object pinnedId(Document query) {
        if (query.size() < 2) {
            return null;
        }
        Object id = query.get(ID);
        if (id == null || id instanceof Document || id instanceof List || BsonRegularExpression.isRegularExpression(id)) {
            return null;
        }
        return id;
    }

    @Override
    public Object getPosition(Document document) {
        return index.getPosition(document);
    }

    @Override
    public void checkAdd(Document document, MongoCollection<Object> collection) {
        index.checkAdd(document, collection);
    }

    @Override
    public void add(Document document, Object position, MongoCollection<Object> collection) {
        index.add(document, position, collection);
    }

    @Override
    public Object remove(Document document) {
        return index.remove(document);
    }

    @Override
    public long getCount() {
        return index.getCount();
    }

    @Override
    public boolean isEmpty() {
        return index.isEmpty();
    }

    @Override
    public long getDataSize() {
        return index.getDataSize();
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Object> collection) {
        index.checkUpdate(oldDocument, newDocument, collection);
    }

    @Override
    public void updateInPlace(Document oldDocument, Document newDocument, Object position,
                              MongoCollection<Object> collection) throws KeyConstraintError {
        index.updateInPlace(oldDocument, newDocument, position, collection);
    }

    @Override
    public void drop() {
        index.drop();
    }

    @Override
    public boolean isUnique() {
        return index.isUnique();
    }
}
