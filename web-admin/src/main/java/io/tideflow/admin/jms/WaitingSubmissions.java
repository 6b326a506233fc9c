package io.tideflow.admin.jms;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Takes submission messages that are already waiting on the queue into the transaction of the one being delivered,
 * so that a backlog of single-task messages shares the broker's and the database's commit instead of paying one XA
 * transaction per message. Each message taken is acknowledged with that transaction, or rolled back and redelivered
 * with it, like the delivered one.
 *
 * <p>Needs an XA connection factory whose consumers prefetch nothing ({@code tideflow.jms.submit.connection-factory},
 * which WildFly's {@code tideflow-jms.cli} creates and names): with the server's default factory a consumer opened for
 * one transaction would be sent a thousand messages and give back all it did not take. Without one, every message has
 * a transaction of its own.
 */
@ApplicationScoped
public class WaitingSubmissions {

    private static final Logger LOG = Logger.getLogger(WaitingSubmissions.class.getName());

    @Inject
    @ConfigProperty(name = "tideflow.jms.submit.connection-factory")
    Optional<String> factoryName;

    @Inject
    @ConfigProperty(name = "tideflow.jms.submit.messages-per-transaction", defaultValue = "200")
    int perTransaction;

    private ConnectionFactory factory;

    /** Made at deployment, so that a bad setting fails the deployment rather than the first message. */
    void atDeployment(@Observes @Initialized(ApplicationScoped.class) Object deployed) {
        LOG.finest(() -> "JMS submission takes up to " + perTransaction + " messages per transaction");
    }

    @PostConstruct
    void lookUp() {
        if (perTransaction < 1 || perTransaction > 1_000) {
            throw badSetting(
                    "tideflow.jms.submit.messages-per-transaction",
                    String.valueOf(perTransaction),
                    "must be between 1 and 1000",
                    null);
        }
        if (factoryName.isEmpty() || perTransaction == 1) {
            LOG.info("JMS submission: one message per transaction (tideflow.jms.submit.connection-factory is not set"
                    + " or tideflow.jms.submit.messages-per-transaction is 1)");
            return;
        }
        try {
            factory = (ConnectionFactory) new InitialContext().lookup(factoryName.get());
            LOG.info(() -> "JMS submission: up to " + perTransaction + " waiting messages per transaction, taken"
                    + " through " + factoryName.get());
        } catch (NamingException | ClassCastException e) {
            throw badSetting(
                    "tideflow.jms.submit.connection-factory",
                    factoryName.get(),
                    "is not a JMS connection factory in this server's JNDI (" + e + ")",
                    e);
        }
    }

    /** Worded as the engine's refusals of a setting; the web module sees only the engine's API. */
    private static IllegalStateException badSetting(String key, String value, String problem, Exception cause) {
        return new IllegalStateException(
                "configuration key '" + key + "' has the bad value '" + value + "': " + problem, cause);
    }

    /**
     * Hands {@code each} the messages waiting on the submission queue, in the caller's transaction, up to the
     * configured number less one (the delivered message), until none is waiting or {@code each} says to stop.
     */
    void takeInto(Predicate<Message> each) {
        if (factory == null) {
            return;
        }
        try (JMSContext context = factory.createContext();
                JMSConsumer consumer = context.createConsumer(context.createQueue(TaskSubmissionListener.QUEUE))) {
            for (int taken = 1; taken < perTransaction; taken++) {
                Message waiting = consumer.receiveNoWait();
                if (waiting == null || !each.test(waiting)) {
                    return;
                }
            }
        }
    }
}
