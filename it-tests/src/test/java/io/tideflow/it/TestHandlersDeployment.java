package io.tideflow.it;

import java.net.URI;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The suites that test Tideflow's admin WAR with the test handlers from outside, through its REST API: Arquillian
 * deploys it once per suite and hands over its URL.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
abstract class TestHandlersDeployment {

    @ArquillianResource
    URL deploymentUrl;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return TideflowDeployment.withTestHandlers();
    }

    ApiClient api() {
        return new ApiClient(URI.create(deploymentUrl.toString()).resolve("api/"));
    }
}
