package io.tideflow.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What another JVM on this machine holds, read as an operator would: its resident set from {@code /proc}, and its heap
 * and metaspace from the JDK's {@code jstat}, optionally right after a full collection that {@code jcmd} asks for (so
 * that the heap figure is what is still reachable, not what garbage happens to be waiting).
 *
 * @param rssMb        resident set size
 * @param heapUsedMb   heap in use (young and old generations)
 * @param heapCommittedMb heap the JVM has taken from the system
 * @param metaspaceMb  metaspace in use (the classes of the server and its deployments)
 */
record JvmFootprint(double rssMb, double heapUsedMb, double heapCommittedMb, double metaspaceMb) {

    /** The JVM as it is now. */
    static JvmFootprint of(ProcessHandle jvm) {
        Map<String, Double> gc = jstat(jvm);
        double used = gc.get("S0U") + gc.get("S1U") + gc.get("EU") + gc.get("OU");
        double committed = gc.get("S0C") + gc.get("S1C") + gc.get("EC") + gc.get("OC");
        return new JvmFootprint(rssKb(jvm) / 1024, used / 1024, committed / 1024, gc.get("MU") / 1024);
    }

    /** The JVM right after a full collection: its heap figure is what the server still holds. */
    static JvmFootprint afterFullCollection(ProcessHandle jvm) {
        run(jdkTool("jcmd"), Long.toString(jvm.pid()), "GC.run");
        return of(jvm);
    }

    /** The classes whose instances take most of the heap, after a full collection ({@code jcmd GC.class_histogram}). */
    static List<String> largestClasses(ProcessHandle jvm, int count) {
        // a header of two lines, then one line per class, largest first
        return run(jdkTool("jcmd"), Long.toString(jvm.pid()), "GC.class_histogram").stream()
                .filter(line -> line.matches("^\\s*\\d+:.*"))
                .limit(count)
                .toList();
    }

    @Override
    public String toString() {
        return String.format(
                "RSS %,.0f MB, heap %,.0f MB used of %,.0f MB committed, metaspace %,.0f MB",
                rssMb, heapUsedMb, heapCommittedMb, metaspaceMb);
    }

    private static double rssKb(ProcessHandle jvm) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + jvm.pid() + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Double.parseDouble(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("the status of process " + jvm.pid() + " could not be read", e);
        }
        throw new IllegalStateException("no VmRSS in the status of process " + jvm.pid());
    }

    /** {@code jstat -gc}: a header line of column names over a line of figures in KB. */
    private static Map<String, Double> jstat(ProcessHandle jvm) {
        List<String> lines = run(jdkTool("jstat"), "-gc", Long.toString(jvm.pid()));
        String[] names = lines.get(0).trim().split("\\s+");
        String[] values = lines.get(1).trim().split("\\s+");
        Map<String, Double> columns = new HashMap<>();
        for (int i = 0; i < names.length; i++) {
            columns.put(names[i], values[i].equals("-") ? 0 : Double.parseDouble(values[i]));
        }
        return columns;
    }

    /** A tool of the JDK that runs this test (the server runs on the same one). */
    private static String jdkTool(String name) {
        return Path.of(System.getProperty("java.home"), "bin", name).toString();
    }

    private static List<String> run(String... command) {
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            List<String> output =
                    new String(process.getInputStream().readAllBytes()).lines().toList();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException(String.join(" ", command) + " could not run", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(String.join(" ", command) + " was interrupted", e);
        }
    }
}
