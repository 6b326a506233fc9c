package io.tideflow.admin.jms;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class WaitingSubmissionsTest {

    private static WaitingSubmissions with(String factory, int perTransaction) {
        WaitingSubmissions waiting = new WaitingSubmissions();
        waiting.factoryName = Optional.ofNullable(factory);
        waiting.perTransaction = perTransaction;
        return waiting;
    }

    @Test
    void aCountOutOfRangeIsRefusedNamingTheKey() {
        assertThatThrownBy(() -> with(null, 0).lookUp())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("tideflow.jms.submit.messages-per-transaction")
                .hasMessageContaining("'0'");
        assertThatThrownBy(() -> with(null, 1_001).lookUp())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("between 1 and 1000");
    }

    @Test
    void aFactoryNameThatNamesNoFactoryIsRefusedNamingTheKeyAndTheName() {
        assertThatThrownBy(() -> with("java:/jms/NoSuchFactory", 200).lookUp())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("tideflow.jms.submit.connection-factory")
                .hasMessageContaining("java:/jms/NoSuchFactory");
    }

    @Test
    void withoutAFactoryOrWithOneMessagePerTransactionNothingIsTaken() {
        WaitingSubmissions none = with(null, 200);
        none.lookUp();
        none.takeInto(message -> {
            throw new AssertionError("nothing is taken without a factory");
        });
        WaitingSubmissions one = with("java:/jms/NoSuchFactory", 1);
        one.lookUp();
        one.takeInto(message -> {
            throw new AssertionError("nothing is taken at one message per transaction");
        });
    }
}
