package io.tideflow.queue.alerts;

import io.tideflow.queue.background.RepeatingWork;
import io.tideflow.queue.config.ObservabilitySettings;
import io.tideflow.queue.store.reporting.AlertDeliveryStore.Delivery;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Posts the webhook's outbox, on every node: claims due deliveries (each attempt on one node only), posts them signed
 * ({@link WebhookPost}) outside any transaction, and records each outcome. A failed post is tried again after 5 s,
 * 10 s, 20 s ... up to an hour apart, and abandoned after {@value #MOST_ATTEMPTS} attempts (about five hours). Runs
 * every {@value #EVERY_MS} ms, and at once when this node raises or clears an alert.
 */
@Singleton
@Startup
@DependsOn("SchemaBootstrap")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class WebhookDeliverer {

    private static final Logger LOG = Logger.getLogger(WebhookDeliverer.class.getName());
    static final int MOST_ATTEMPTS = 15;
    private static final long EVERY_MS = 2_000;
    private static final int BATCH = 20;
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    /** Longer than a batch of posts can take: an attempt not settled by then is taken again. */
    private static final Duration CLAIM = Duration.ofMinutes(5);

    @Resource
    ManagedThreadFactory threads;

    @Inject
    ObservabilitySettings settings;

    @Inject
    DeliveryTransactions deliveries;

    @Inject
    Clock clock;

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT)
            .build();
    private RepeatingWork runs;

    @PostConstruct
    void start() {
        if (settings.webhookUrl() != null) {
            Duration every = Duration.ofMillis(EVERY_MS);
            runs = RepeatingWork.start(threads, "tideflow-webhook", every, every, this::deliverDue);
        }
    }

    @PreDestroy
    void stop() {
        if (runs != null) {
            runs.stop();
        }
    }

    /** Delivers what is due now, off the caller's thread. */
    public void wake() {
        if (runs != null) {
            runs.runSoon();
        }
    }

    void deliverDue() {
        try {
            List<Delivery> claimed;
            do {
                Instant now = clock.instant();
                claimed = deliveries.claimDue(now, now.plus(CLAIM), BATCH);
                claimed.forEach(this::post);
            } while (claimed.size() == BATCH);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "delivering alerts to the webhook failed; the next run tries again", e);
        }
    }

    private void post(Delivery delivery) {
        String failure;
        try {
            HttpResponse<Void> response = http.send(request(delivery), HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() < 300) {
                deliveries.delivered(delivery, clock.instant());
                return;
            }
            failure = "answered " + response.statusCode();
        } catch (IOException e) {
            failure = e.getClass().getSimpleName();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        retryLater(delivery, failure);
    }

    private HttpRequest request(Delivery delivery) {
        URI url = settings.webhookUrl();
        long now = clock.instant().getEpochSecond();
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .header(WebhookPost.DELIVERY_HEADER, String.valueOf(delivery.id()))
                .header(WebhookPost.TIMESTAMP_HEADER, String.valueOf(now))
                .POST(HttpRequest.BodyPublishers.ofString(delivery.body()));
        if (settings.webhookSecret() != null) {
            request.header(
                    WebhookPost.SIGNATURE_HEADER,
                    WebhookPost.signature(settings.webhookSecret(), now, delivery.id(), delivery.body()));
        }
        return request.build();
    }

    private void retryLater(Delivery delivery, String failure) {
        // never the URL in a log line or the table: it may carry a token
        String what = delivery.event() + " of alert " + delivery.alertId() + " (delivery " + delivery.id() + ")";
        if (delivery.attempts() >= MOST_ATTEMPTS) {
            deliveries.failed(delivery, null, "abandoned after " + delivery.attempts() + " attempts: " + failure);
            LOG.warning(() -> "the alert webhook " + failure + " to the " + what + " " + delivery.attempts()
                    + " times; the delivery is abandoned");
            return;
        }
        Instant next = clock.instant().plus(backoff(delivery.attempts()));
        deliveries.failed(delivery, next, failure);
        if (delivery.attempts() == 1) {
            LOG.warning(() -> "the alert webhook " + failure + " to the " + what + "; it is tried again until "
                    + MOST_ATTEMPTS + " attempts");
        }
    }

    /** 5 s after the first failed attempt, doubling, at most an hour. */
    static Duration backoff(int attempts) {
        long seconds = 5L << Math.min(attempts - 1, 20);
        return Duration.ofSeconds(Math.min(seconds, 3_600));
    }
}
