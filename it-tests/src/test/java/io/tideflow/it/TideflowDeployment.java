package io.tideflow.it;

import io.tideflow.it.support.EffectsResource;
import io.tideflow.it.support.EffectsTable;
import io.tideflow.it.support.WriteThenFailHandler;
import io.tideflow.it.support.SlowWriteHandler;
import io.tideflow.it.support.WriteThenSucceedHandler;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.File;

/** The WAR the build produced, plus the test-only handlers and the resource that reads their side effects. */
final class TideflowDeployment {

    private TideflowDeployment() {
    }

    static WebArchive withTestHandlers() {
        File war = new File(System.getProperty("tideflow.war", "target/server-lib/tideflow.war"));
        return ShrinkWrap.createFromZipFile(WebArchive.class, war)
                .addClasses(EffectsTable.class, EffectsResource.class, WriteThenFailHandler.class,
                        WriteThenSucceedHandler.class, SlowWriteHandler.class);
    }
}
