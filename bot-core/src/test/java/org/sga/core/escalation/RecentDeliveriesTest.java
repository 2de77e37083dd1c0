package org.sga.core.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RecentDeliveriesTest {

    @Test
    void givenADeliveryRemembered_thenItsReceiptAnswersTheSameKeyOnly() {
        RecentDeliveries deliveries = new RecentDeliveries();
        deliveries.remember("SG-7:manager:initial", new DeliveryReceipt("C0DSL:1700000000.000100"));
        assertThat(deliveries.earlier("SG-7:manager:initial")).contains(new DeliveryReceipt("C0DSL:1700000000.000100"));
        assertThat(deliveries.earlier("SG-7:manager:backup")).isEmpty();
    }

    @Test
    void givenManyDeliveries_thenTheOldestAreForgottenAndTheLatestKept() {
        RecentDeliveries deliveries = new RecentDeliveries();
        for (int i = 0; i <= 10_000; i++) {
            deliveries.remember("key-" + i, new DeliveryReceipt("receipt-" + i));
        }
        assertThat(deliveries.earlier("key-0")).isEmpty();
        assertThat(deliveries.earlier("key-1")).contains(new DeliveryReceipt("receipt-1"));
        assertThat(deliveries.earlier("key-10000")).contains(new DeliveryReceipt("receipt-10000"));
    }
}
