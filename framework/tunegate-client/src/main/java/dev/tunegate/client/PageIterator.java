package dev.tunegate.client;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** Walks a paginated list lazily, fetching the next page only when the current one is used up. */
final class PageIterator<T> implements Iterator<T> {
    /** One fetched page. */
    record Page<T>(List<T> items, String nextPageToken) {}

    private final Function<String, Page<T>> fetch;
    private Iterator<T> current = List.<T>of().iterator();
    private String nextToken;
    private boolean lastFetched;

    PageIterator(Function<String, Page<T>> fetch) {
        this.fetch = fetch;
    }

    static <T> Stream<T> stream(Function<String, Page<T>> fetch) {
        return StreamSupport.stream(
                Spliterators.spliteratorUnknownSize(
                        new PageIterator<>(fetch), Spliterator.ORDERED | Spliterator.NONNULL),
                false);
    }

    @Override
    public boolean hasNext() {
        while (!current.hasNext()) {
            if (lastFetched) {
                return false;
            }
            Page<T> page = fetch.apply(nextToken);
            current = page.items() == null
                    ? List.<T>of().iterator()
                    : page.items().iterator();
            nextToken = page.nextPageToken();
            lastFetched = nextToken == null || nextToken.isEmpty();
        }
        return true;
    }

    @Override
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return current.next();
    }
}
