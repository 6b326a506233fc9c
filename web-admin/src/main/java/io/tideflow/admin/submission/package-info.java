/**
 * The submission body shared by the REST and JMS channels: one task or a batch, read strictly, every refusal naming
 * its field.
 */
package io.tideflow.admin.submission;
