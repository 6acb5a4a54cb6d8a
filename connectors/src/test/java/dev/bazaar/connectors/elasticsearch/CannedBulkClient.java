package dev.bazaar.connectors.elasticsearch;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;

/**
 * A {@link BulkClient} answering from a script of canned bulk answers, recording every request.
 * With the script used up it acknowledges every action (201 for index, 200 for delete).
 */
final class CannedBulkClient implements BulkClient {

    /** One scripted answer to one bulk request. */
    @FunctionalInterface
    interface Answer {
        List<ItemResult> answer(List<DocumentAction> actions) throws BulkRequestException;
    }

    private final Deque<Answer> script = new ArrayDeque<>();
    final List<List<DocumentAction>> requests = new ArrayList<>();
    final List<String> createdIndices = new ArrayList<>();
    final List<String> createMappings = new ArrayList<>();
    boolean closed;

    /** Queues an answer. */
    CannedBulkClient then(Answer answer) {
        script.addLast(answer);
        return this;
    }

    /** Queues an answer with one result per action, computed from the action. */
    CannedBulkClient thenEach(Function<DocumentAction, ItemResult> perAction) {
        return then(actions -> actions.stream().map(perAction).toList());
    }

    /** Queues a whole-request failure. */
    CannedBulkClient thenFail(boolean retriable) {
        return then(actions -> {
            throw new BulkRequestException("canned failure", retriable, null);
        });
    }

    static ItemResult acknowledge(DocumentAction action) {
        return ItemResult.success(action instanceof DocumentAction.Index ? 201 : 200);
    }

    @Override
    public List<ItemResult> bulk(List<DocumentAction> actions) throws BulkRequestException {
        requests.add(List.copyOf(actions));
        Answer answer = script.pollFirst();
        if (answer == null) {
            return actions.stream().map(CannedBulkClient::acknowledge).toList();
        }
        return answer.answer(actions);
    }

    @Override
    public boolean createIndexIfMissing(String index, String mappingJson) {
        createdIndices.add(index);
        createMappings.add(mappingJson);
        return true;
    }

    @Override
    public void close() {
        closed = true;
    }

    /** The ids of each request, in order. */
    List<List<String>> requestedIds() {
        return requests.stream().map(request -> request.stream().map(DocumentAction::id).toList()).toList();
    }
}
