package io.tideflow.it;

import static io.tideflow.it.ApiClient.OPERATOR;
import static io.tideflow.it.ApiClient.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;

/**
 * A body-less write with an operator's credentials, sent the way a browser sends a form POST from another site, is
 * refused with a 403 problem and changes nothing; the same write from this origin, or from a client that is not a
 * browser, goes through.
 */
@RunAsClient
class CrossSiteWriteIT extends TestHandlersDeployment {

    @Test
    void aCrossSiteFormPostIsRefusedAndChangesNothing() {
        ApiClient api = api();
        String group = "csrf-" + UUID.randomUUID().toString().substring(0, 8);

        ApiClient.Response fromElsewhere = api.postWithHeaders(
                "groups/" + group + "/pause",
                OPERATOR,
                "Origin",
                "https://attacker.example",
                "Content-Type",
                "application/x-www-form-urlencoded");
        ApiClient.Response fetchedCrossSite =
                api.postWithHeaders("groups/" + group + "/pause", OPERATOR, "Sec-Fetch-Site", "cross-site");
        ApiClient.Response opaqueOrigin = api.postWithHeaders("groups/" + group + "/pause", OPERATOR, "Origin", "null");

        for (ApiClient.Response refused : new ApiClient.Response[] {fromElsewhere, fetchedCrossSite, opaqueOrigin}) {
            assertThat(refused.status()).as(refused.body()).isEqualTo(403);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
        assertThat(fromElsewhere.problem().getString("field")).isEqualTo("Origin");
        assertThat(fetchedCrossSite.problem().getString("field")).isEqualTo("Sec-Fetch-Site");
        assertThat(api.get("groups", VIEWER).body()).doesNotContain(group);
    }

    @Test
    void theSameWriteFromThisOriginOrAClientThatIsNotABrowserGoesThrough() {
        ApiClient api = api();
        String group = "csrf-" + UUID.randomUUID().toString().substring(0, 8);
        String origin = deploymentUrl.getProtocol() + "://" + deploymentUrl.getAuthority();

        ApiClient.Response sameOrigin = api.postWithHeaders(
                "groups/" + group + "/pause", OPERATOR, "Origin", origin, "Sec-Fetch-Site", "same-origin");
        assertThat(sameOrigin.status()).as(sameOrigin.body()).isEqualTo(200);
        ApiClient.Response curlLike = api.post("groups/" + group + "/resume", OPERATOR, "");
        assertThat(curlLike.status()).as(curlLike.body()).isEqualTo(200);
        // reads are never refused: a cross-site page cannot read the answer anyway
        assertThat(api.get("groups", VIEWER).status()).isEqualTo(200);
    }
}
