package io.tideflow.it;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.jboss.shrinkwrap.api.ArchivePath;
import org.jboss.shrinkwrap.api.Node;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Every JAX-RS operation of a WAR's classes, as {@code "GET /api/tasks/{id}"}: read from the classes themselves (loaded
 * from the archive), so that a new endpoint is listed without anyone listing it.
 */
final class JaxRsOperations {

    private static final String CLASSES = "/WEB-INF/classes/";

    private JaxRsOperations() {}

    static TreeSet<String> of(WebArchive war, String packagePrefix) {
        ArchiveClassLoader loader = new ArchiveClassLoader(war);
        List<Class<?>> classes = new ArrayList<>();
        for (Map.Entry<ArchivePath, Node> entry : war.getContent().entrySet()) {
            String name = entry.getKey().get();
            if (name.startsWith(CLASSES + packagePrefix.replace('.', '/'))
                    && name.endsWith(".class")
                    && mentionsJaxRs(entry.getValue())) {
                classes.add(loader.load(
                        name.substring(CLASSES.length(), name.length() - 6).replace('/', '.')));
            }
        }
        String root = classes.stream()
                .map(type -> type.getAnnotation(ApplicationPath.class))
                .filter(path -> path != null)
                .map(ApplicationPath::value)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no @ApplicationPath under " + packagePrefix));
        TreeSet<String> operations = new TreeSet<>();
        for (Class<?> type : classes) {
            Path resource = type.getAnnotation(Path.class);
            if (resource == null) {
                continue;
            }
            for (Method method : type.getMethods()) {
                String verb = httpMethodOf(method);
                if (verb != null) {
                    Path sub = method.getAnnotation(Path.class);
                    operations.add(verb + " " + join(root, resource.value(), sub == null ? "" : sub.value()));
                }
            }
        }
        return operations;
    }

    /**
     * Whether the class file names a JAX-RS annotation at all: only those are loaded, so that classes written against
     * one server's API (the WildFly-only Undertow guard) need not load here.
     */
    private static boolean mentionsJaxRs(Node classFile) {
        try (InputStream in = classFile.getAsset().openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1).contains("jakarta/ws/rs/");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String httpMethodOf(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod verb = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (verb != null) {
                return verb.value().toUpperCase(Locale.ROOT);
            }
        }
        return null;
    }

    private static String join(String... parts) {
        StringBuilder path = new StringBuilder();
        for (String part : parts) {
            String trimmed = part.replaceAll("^/+|/+$", "");
            if (!trimmed.isEmpty()) {
                path.append('/').append(trimmed);
            }
        }
        return path.toString();
    }

    /** Loads the WAR's own classes from the archive; the APIs they use come from the test's class path. */
    private static final class ArchiveClassLoader extends ClassLoader {

        private final WebArchive war;

        ArchiveClassLoader(WebArchive war) {
            super(JaxRsOperations.class.getClassLoader());
            this.war = war;
        }

        Class<?> load(String name) {
            try {
                return loadClass(name);
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            Node node = war.get(CLASSES + name.replace('.', '/') + ".class");
            if (node == null || node.getAsset() == null) {
                throw new ClassNotFoundException(name);
            }
            try (InputStream in = node.getAsset().openStream()) {
                byte[] bytes = in.readAllBytes();
                return defineClass(name, bytes, 0, bytes.length);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
