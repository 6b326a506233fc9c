/**
 * Task submission by Jakarta Messaging: a message-driven bean reads the submission queue, enqueues in the message's
 * transaction, answers {@code JMSReplyTo}, and moves invalid messages aside with their reason.
 */
package io.tideflow.admin.jms;
