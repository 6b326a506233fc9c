package io.tideflow.queue.groups;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/** The group census taken in a transaction of its own, for a caller that has none. */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class CensusTransaction {

    @Inject
    GroupCensus census;

    public void takeUnlessTaken() {
        census.takeUnlessTaken();
    }
}
