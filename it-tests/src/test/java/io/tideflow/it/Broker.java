package io.tideflow.it;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import java.net.URI;
import org.apache.activemq.artemis.jms.client.ActiveMQJMSConnectionFactory;

/**
 * The message broker of the server under test, reached from this JVM as another system would: WildFly's Artemis
 * through its HTTP port as the quickstart's messaging user, or Payara Server's OpenMQ on its JMS port as OpenMQ's
 * guest user.
 */
record Broker(ConnectionFactory factory, String user, String password) {

    /** The broker of the server the suite runs on. */
    static Broker ofThisServer() {
        return ItServer.isPayara()
                ? openMq(Integer.getInteger("it.payara.jms.port", 28076))
                : wildFly(ItServer.httpBase());
    }

    /** The Artemis broker of the WildFly whose HTTP port is {@code http}'s, with the 1.x queue names WildFly keeps. */
    static Broker wildFly(URI http) {
        return new Broker(
                new ActiveMQJMSConnectionFactory("tcp://" + http.getHost() + ":" + http.getPort()
                        + "?httpUpgradeEnabled=true&httpUpgradeEndpoint=http-acceptor&enable1xPrefixes=true"),
                "demo-messaging",
                "demo-messaging-pw");
    }

    /**
     * Payara Server's embedded OpenMQ broker. Its client, {@code imq.jar}, comes with the Payara distribution (the
     * Payara execution of the suite puts it on the class path), not from Maven Central: hence by name.
     */
    static Broker openMq(int port) {
        try {
            Class<?> type = Class.forName("com.sun.messaging.ConnectionFactory");
            Object factory = type.getConstructor().newInstance();
            type.getMethod("setProperty", String.class, String.class)
                    .invoke(factory, "imqAddressList", "mq://127.0.0.1:" + port);
            return new Broker((ConnectionFactory) factory, "guest", "guest");
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("OpenMQ's client (imq.jar of the Payara distribution) is not usable", e);
        }
    }

    JMSContext connect() {
        return factory.createContext(user, password);
    }

    JMSContext connect(int sessionMode) {
        return factory.createContext(user, password, sessionMode);
    }
}
