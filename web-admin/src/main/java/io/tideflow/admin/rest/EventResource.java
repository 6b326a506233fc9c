package io.tideflow.admin.rest;

import io.tideflow.admin.events.EventDocument;
import io.tideflow.admin.events.EventFilter;
import io.tideflow.queue.api.admin.FilterValues;
import io.tideflow.queue.api.event.EventSubscriber;
import io.tideflow.queue.api.event.EventSubscriptions;
import io.tideflow.queue.api.event.PublishedEvent;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The lifecycle events of this node as Server-Sent Events, from the moment of the request on (no replay): each event
 * named by its kind, with its id and its JSON document ({@link EventDocument}). A stream starts with a
 * {@code subscribed} event and sends a comment every {@value #KEEP_ALIVE_SECONDS} s when quiet, so that a client (and the
 * server) notice a dead connection.
 */
@Path("/events")
@Tag(name = "events")
@RequestScoped
public class EventResource {

    static final int KEEP_ALIVE_SECONDS = 15;
    /** Events waiting for a slow client before newer ones are dropped for it. */
    private static final int BUFFER = 2_000;

    private static final long SEND_TIMEOUT_SECONDS = 30;

    @Inject
    EventSubscriptions subscriptions;

    @Operation(
            operationId = "eventsStream",
            summary = "Stream this node's lifecycle events as Server-Sent Events",
            description = "Each event's name is its kind (task.completed, group.paused...), its data the event's JSON "
                    + "document, schema version 1. Only the events of the node that answers; filter by group or type.")
    @APIResponse(
            responseCode = "200",
            description = "The stream, until the client closes it.",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(
            responseCode = "429",
            description = "This node already feeds as many streams as it allows.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void stream(
            @QueryParam("group") String group,
            @QueryParam("type") String type,
            @Context SseEventSink sink,
            @Context Sse sse) {
        EventFilter filter = new EventFilter(
                FilterValues.text("group", QueryParams.text(group), 100),
                FilterValues.text("type", QueryParams.text(type), 200));
        subscriptions.subscribe(filter, BUFFER, Duration.ofSeconds(KEEP_ALIVE_SECONDS), new SseSubscriber(sink, sse));
    }

    /** Writes a subscription's events to one client; a failed or timed-out write ends the subscription. */
    private static final class SseSubscriber implements EventSubscriber {

        private final SseEventSink sink;
        private final Sse sse;

        SseSubscriber(SseEventSink sink, Sse sse) {
            this.sink = sink;
            this.sse = sse;
        }

        @Override
        public void onStart() {
            // on the feed's thread, which alone writes to the sink; every event from now on is in the feed
            send(sse.newEventBuilder()
                    .name("subscribed")
                    .data("{\"schemaVersion\":" + EventDocument.SCHEMA_VERSION + "}")
                    .build());
        }

        @Override
        public void onEvent(PublishedEvent event) {
            send(sse.newEventBuilder()
                    .id(event.id())
                    .name(EventDocument.kindOf(event.event()))
                    .data(EventDocument.of(event).toString())
                    .build());
        }

        @Override
        public void onIdle() {
            send(sse.newEventBuilder().comment("keep-alive").build());
        }

        @Override
        public void onEnd() {
            sink.close();
        }

        private void send(jakarta.ws.rs.sse.OutboundSseEvent event) {
            if (sink.isClosed()) {
                throw new IllegalStateException("the client closed the stream");
            }
            try {
                sink.send(event).toCompletableFuture().get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } catch (Exception e) {
                throw new IllegalStateException("the stream could not be written: " + e, e);
            }
        }
    }
}
