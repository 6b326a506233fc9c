package io.tideflow.admin.jms;

import io.tideflow.admin.events.EventDocument;
import io.tideflow.admin.events.EventFilter;
import io.tideflow.queue.api.event.EventSubscriber;
import io.tideflow.queue.api.event.EventSubscription;
import io.tideflow.queue.api.event.EventSubscriptions;
import io.tideflow.queue.api.event.PublishedEvent;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Topic;
import java.time.Duration;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Publishes this node's committed lifecycle events to a JMS topic ({@code tideflow.events.topic.enabled}), one text
 * message per event: the event's JSON document ({@link EventDocument}), with {@value #EVENT_ID}, {@value #KIND},
 * {@value #GROUP} and {@value #TYPE} as properties for selectors. It runs on its event subscription's own thread: a
 * broker that refuses (down, full) is retried with the same event, backing off up to 30 s, while newer events wait in
 * the subscription's buffer and beyond it are dropped and counted; the dispatcher never waits for it. An event is
 * published at least once from the moment it is buffered (a retry after an unclear failure may publish it twice: the
 * event id tells); a node killed before publishing loses what it buffered.
 */
@ApplicationScoped
public class EventTopicPublisher implements EventSubscriber {

    public static final String EVENT_ID = "tideflowEventId";
    public static final String KIND = "tideflowEventKind";
    public static final String GROUP = "tideflowGroup";
    public static final String TYPE = "tideflowType";

    private static final Logger LOG = Logger.getLogger(EventTopicPublisher.class.getName());
    private static final Duration MOST_BACKOFF = Duration.ofSeconds(30);

    @Resource(lookup = "java:comp/DefaultJMSConnectionFactory")
    ConnectionFactory connections;

    @Inject
    EventSubscriptions subscriptions;

    @Inject
    @ConfigProperty(name = "tideflow.events.topic.name", defaultValue = "TideflowEvents")
    String topicName;

    @Inject
    @ConfigProperty(name = "tideflow.events.topic.buffer", defaultValue = "10000")
    int buffer;

    private volatile EventSubscription subscription;
    private JMSContext jms;
    private JMSProducer producer;
    private Topic topic;
    private long droppedReported;

    /** Starts publishing; called once at deployment when the topic is enabled. */
    public synchronized void start() {
        if (buffer < 1) {
            throw new IllegalArgumentException("tideflow.events.topic.buffer must be at least 1, got " + buffer);
        }
        if (subscription == null) {
            subscription = subscriptions.subscribe(event -> true, buffer, Duration.ofMinutes(1), this);
            LOG.info(() -> "Tideflow publishes its lifecycle events to the JMS topic " + topicName);
        }
    }

    @PreDestroy
    void stop() {
        EventSubscription running = subscription;
        if (running != null) {
            running.close();
        }
    }

    @Override
    public void onEvent(PublishedEvent event) throws InterruptedException {
        Duration backoff = Duration.ofSeconds(1);
        while (true) {
            try {
                publish(event);
                reportDropped();
                return;
            } catch (JMSRuntimeException e) {
                closeContext();
                long seconds = backoff.toSeconds();
                LOG.warning(() -> "publishing event " + event.id() + " to " + topicName + " failed (" + e
                        + "); again in " + seconds + " s");
                Thread.sleep(backoff.toMillis());
                backoff = backoff.multipliedBy(2).compareTo(MOST_BACKOFF) > 0 ? MOST_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    @Override
    public void onIdle() {
        reportDropped();
    }

    @Override
    public void onEnd() {
        closeContext();
    }

    private void publish(PublishedEvent published) {
        if (jms == null) {
            jms = connections.createContext();
            topic = jms.createTopic(topicName);
            producer = jms.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT);
        }
        producer.setProperty(EVENT_ID, published.id())
                .setProperty(KIND, EventDocument.kindOf(published.event()))
                .setProperty(GROUP, EventFilter.groupOf(published.event()))
                .setProperty(TYPE, EventFilter.typeOf(published.event()));
        producer.send(topic, EventDocument.of(published).toString());
    }

    private void reportDropped() {
        EventSubscription running = subscription;
        long dropped = running == null ? 0 : running.dropped();
        if (dropped > droppedReported) {
            long missed = dropped - droppedReported;
            droppedReported = dropped;
            LOG.warning(() -> missed + " lifecycle events were not published to " + topicName
                    + ": the topic was a full buffer (tideflow.events.topic.buffer) behind");
        }
    }

    private void closeContext() {
        if (jms != null) {
            try {
                jms.close();
            } catch (JMSRuntimeException e) {
                // a broken connection: it is being replaced
            }
            jms = null;
        }
    }
}
