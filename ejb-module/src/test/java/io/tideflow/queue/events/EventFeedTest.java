package io.tideflow.queue.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideflow.queue.api.event.EventSubscriber;
import io.tideflow.queue.api.event.GroupPaused;
import io.tideflow.queue.api.event.PublishedEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class EventFeedTest {

    private static final Instant AT = Instant.parse("2026-12-01T21:00:00Z");

    private static PublishedEvent paused(String group) {
        return new PublishedEvent(group + "-id", "node-1", new GroupPaused(group, AT));
    }

    @Test
    void theSubscriberGetsWhatItsFilterWantsInOrderOnTheFeedsThread() throws Exception {
        List<String> got = new CopyOnWriteArrayList<>();
        CountDownLatch three = new CountDownLatch(3);
        List<EventFeed> ended = new CopyOnWriteArrayList<>();
        EventFeed feed = new EventFeed(
                event -> ((GroupPaused) event).group().startsWith("a"),
                10,
                Duration.ofSeconds(10),
                event -> {
                    got.add(((GroupPaused) event.event()).group() + "@"
                            + Thread.currentThread().getName());
                    three.countDown();
                },
                ended::add);
        Thread thread = new Thread(feed, "feed-thread");
        thread.start();

        for (String group : List.of("a1", "b1", "a2", "a3")) {
            PublishedEvent event = paused(group);
            if (feed.wants(event.event())) {
                feed.offer(event);
            }
        }

        assertThat(three.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(got).containsExactly("a1@feed-thread", "a2@feed-thread", "a3@feed-thread");
        feed.close();
        thread.join(5_000);
        assertThat(thread.isAlive()).isFalse();
        assertThat(ended).containsExactly(feed);
        assertThat(feed.isOpen()).isFalse();
        assertThat(feed.wants(paused("a4").event())).isFalse();
    }

    @Test
    void aSubscriberAFullBufferBehindLosesTheNewestEventsAndTheyAreCounted() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<String> got = new CopyOnWriteArrayList<>();
        EventFeed feed = new EventFeed(
                event -> true,
                2,
                Duration.ofSeconds(10),
                event -> {
                    release.await();
                    got.add(event.id());
                },
                ended -> {});
        feed.offer(paused("e1"));
        feed.offer(paused("e2"));
        feed.offer(paused("e3"));
        feed.offer(paused("e4"));
        Thread thread = new Thread(feed);
        thread.start();
        release.countDown();

        while (got.size() < 2) {
            Thread.onSpinWait();
        }
        assertThat(got).containsExactly("e1-id", "e2-id");
        assertThat(feed.dropped()).isEqualTo(2);
        feed.close();
        thread.join(5_000);
    }

    @Test
    void aSubscriberThatThrowsEndsItsFeedAndIsToldSo() throws Exception {
        CountDownLatch ended = new CountDownLatch(1);
        List<EventFeed> removed = new CopyOnWriteArrayList<>();
        EventFeed feed = new EventFeed(
                event -> true,
                10,
                Duration.ofSeconds(10),
                new EventSubscriber() {
                    @Override
                    public void onEvent(PublishedEvent event) throws Exception {
                        throw new java.io.IOException("the client went away");
                    }

                    @Override
                    public void onEnd() {
                        ended.countDown();
                    }
                },
                removed::add);
        new Thread(feed).start();
        feed.offer(paused("x"));

        assertThat(ended.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(feed.isOpen()).isFalse();
        assertThat(removed).containsExactly(feed);
    }

    @Test
    void aQuietFeedCallsItsIdleHook() throws Exception {
        CountDownLatch twice = new CountDownLatch(2);
        EventFeed feed = new EventFeed(
                event -> true,
                10,
                Duration.ofMillis(20),
                new EventSubscriber() {
                    @Override
                    public void onEvent(PublishedEvent event) {}

                    @Override
                    public void onIdle() {
                        twice.countDown();
                    }
                },
                ended -> {});
        Thread thread = new Thread(feed);
        thread.start();

        assertThat(twice.await(5, TimeUnit.SECONDS)).isTrue();
        feed.close();
        thread.join(5_000);
        assertThat(thread.isAlive()).isFalse();
    }
}
