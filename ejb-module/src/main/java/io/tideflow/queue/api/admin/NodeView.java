package io.tideflow.queue.api.admin;

import java.time.Instant;

/**
 * A node that runs Tideflow on the shared database.
 *
 * @param running attempts it ran at its last heartbeat
 * @param workers the workers it runs; 0 on a submit-only node, which enqueues and serves the API but claims nothing
 * @param alive   whether it refreshed its row within three heartbeat intervals
 */
public record NodeView(String id, Instant startedAt, Instant lastSeen, int running, int workers, boolean alive) {}
