package io.tideflow.admin.rest.openapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.tags.Tag;

/**
 * Finishes the description the server made of the annotations and {@code META-INF/openapi.yaml}. It adds to every
 * operation the problem responses that the API's filters and security give any call, rather than repeating them on
 * each method: 401 and 403 (the roles of web.xml), 400 where the call takes input, 404 where it names a task, execution
 * or export by id, or a schedule by name; an operation that declares one of these codes keeps its own. And it keeps one tag of each name:
 * Payara lists a tag once for the file and once for the annotation.
 */
public class ApiDescriptionFilter implements OASFilter {

    static final String PROBLEM_JSON = "application/problem+json";
    private static final String PROBLEM_SCHEMA = "#/components/schemas/Problem";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getTags() != null) {
            Map<String, Tag> byName = new LinkedHashMap<>();
            for (Tag tag : openAPI.getTags()) {
                byName.merge(tag.getName(), tag, (first, again) -> first.getDescription() == null ? again : first);
            }
            openAPI.setTags(new ArrayList<>(byName.values()));
        }
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path :
                openAPI.getPaths().getPathItems().entrySet()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> operation :
                    path.getValue().getOperations().entrySet()) {
                addTo(path.getKey(), operation.getKey(), operation.getValue());
            }
        }
    }

    private static void addTo(String path, PathItem.HttpMethod method, Operation operation) {
        boolean read = method == PathItem.HttpMethod.GET || method == PathItem.HttpMethod.HEAD;
        boolean takesInput = operation.getRequestBody() != null
                || (operation.getParameters() != null
                        && !operation.getParameters().isEmpty());
        if (takesInput) {
            add(operation, "400", "The request is invalid; field names the parameter or body field at fault.");
        }
        add(operation, "401", "No credentials, or wrong ones.");
        add(
                operation,
                "403",
                read
                        ? "The user has neither the tideflow-viewer nor the tideflow-operator role."
                        : "The user lacks the tideflow-operator role, or the write came from another site's page.");
        if (path.contains("{id}")) {
            add(operation, "404", "Nothing has this id.");
        }
        if (path.contains("/schedules/{name}")) {
            add(operation, "404", "No schedule has this name.");
        }
    }

    private static void add(Operation operation, String code, String description) {
        if (operation.getResponses().hasAPIResponse(code)) {
            return;
        }
        APIResponse problem = OASFactory.createAPIResponse()
                .description(description)
                .content(OASFactory.createContent()
                        .addMediaType(
                                PROBLEM_JSON,
                                OASFactory.createMediaType()
                                        .schema(OASFactory.createSchema().ref(PROBLEM_SCHEMA))));
        operation.getResponses().addAPIResponse(code, problem);
    }
}
