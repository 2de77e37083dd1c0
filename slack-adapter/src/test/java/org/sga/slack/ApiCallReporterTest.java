package org.sga.slack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Reading Slack's error code from a Web API response body, for the metrics label. */
class ApiCallReporterTest {

    @Test
    void givenOkTrue_thenNoError() {
        assertThat(ApiCallReporter.errorCode("{\"ok\":true,\"channel\":\"C1\",\"error\":\"ignored\"}")).isNull();
    }

    @Test
    void givenOkFalse_thenSlacksCode() {
        assertThat(ApiCallReporter.errorCode("{\"ok\": false, \"error\": \"channel_not_found\"}")).isEqualTo("channel_not_found");
        assertThat(ApiCallReporter.errorCode("{\"error\":\"ratelimited\",\"ok\":false}")).isEqualTo("ratelimited");
    }

    @Test
    void givenOkFalseWithoutAUsableCode_thenNotOk() {
        assertThat(ApiCallReporter.errorCode("{\"ok\":false}")).isEqualTo("not_ok");
        assertThat(ApiCallReporter.errorCode("{\"ok\":false,\"error\":\"a pupil's name in a sentence\"}")).isEqualTo("not_ok");
        assertThat(ApiCallReporter.errorCode("{\"ok\":false,\"error\":{\"code\":\"x\"}}")).isEqualTo("not_ok");
    }

    @Test
    void givenAnOkFalseInsideAMessage_thenItIsNotTakenForTheResponses() {
        assertThat(ApiCallReporter.errorCode("{\"ok\":true,\"message\":{\"text\":\"\\\"ok\\\":false\",\"ok\":false}}")).isNull();
    }

    @Test
    void givenABodyCutShortAfterTheCode_thenTheCodeIsStillRead() {
        assertThat(ApiCallReporter.errorCode("{\"ok\":false,\"error\":\"invalid_blocks\",\"response_metadata\":{\"messages\":[\"[ERR"))
                .isEqualTo("invalid_blocks");
    }

    @Test
    void givenNotJson_thenNoError() {
        assertThat(ApiCallReporter.errorCode("<html>ok</html>")).isNull();
        assertThat(ApiCallReporter.errorCode("")).isNull();
        assertThat(ApiCallReporter.errorCode("[\"ok\",false]")).isNull();
    }
}
