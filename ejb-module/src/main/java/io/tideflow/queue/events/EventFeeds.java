package io.tideflow.queue.events;

import io.tideflow.queue.api.event.EventSubscriber;
import io.tideflow.queue.api.event.EventSubscription;
import io.tideflow.queue.api.event.EventSubscriptions;
import io.tideflow.queue.api.event.LifecycleEvent;
import io.tideflow.queue.api.event.PublishedEvent;
import io.tideflow.queue.api.event.TooManySubscriptionsException;
import io.tideflow.queue.config.EngineSettings;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/** The event subscriptions of this node: a listener of the event bus that copies each event into the feeds that want it. */
@ApplicationScoped
public class EventFeeds implements LifecycleListener, EventSubscriptions {

    static final int MAX_FEEDS = 32;

    @Resource
    ManagedThreadFactory threads;

    @Inject
    EngineSettings settings;

    private final Set<EventFeed> feeds = ConcurrentHashMap.newKeySet();
    /** What ended feeds dropped, so that the node's count never goes down when a subscriber leaves. */
    private final AtomicLong droppedByEnded = new AtomicLong();

    @Override
    public void on(LifecycleEvent event) {
        PublishedEvent published = null;
        for (EventFeed feed : feeds) {
            if (feed.wants(event)) {
                if (published == null) {
                    published = new PublishedEvent(UUID.randomUUID().toString(), settings.nodeId(), event);
                }
                feed.offer(published);
            }
        }
    }

    @Override
    public synchronized EventSubscription subscribe(
            Predicate<LifecycleEvent> filter, int buffer, Duration idle, EventSubscriber subscriber) {
        if (feeds.size() >= MAX_FEEDS) {
            throw new TooManySubscriptionsException(MAX_FEEDS);
        }
        EventFeed feed = new EventFeed(filter, buffer, idle, subscriber, this::ended);
        feeds.add(feed);
        threads.newThread(feed).start();
        return feed;
    }

    @Override
    public int maxSubscriptions() {
        return MAX_FEEDS;
    }

    /** Events the subscriptions of this node missed, since it started, by being a full buffer behind. */
    public long dropped() {
        long live = 0;
        for (EventFeed feed : feeds) {
            live += feed.dropped();
        }
        return droppedByEnded.get() + live;
    }

    /** The subscriptions this node feeds now. */
    public int subscriptions() {
        return feeds.size();
    }

    private void ended(EventFeed feed) {
        if (feeds.remove(feed)) {
            droppedByEnded.addAndGet(feed.dropped());
        }
    }

    @PreDestroy
    void stop() {
        feeds.forEach(EventFeed::close);
    }
}
