package io.tideflow.admin.web;

import io.tideflow.admin.rest.Problem;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** The error page of the console: what went wrong in a sentence and a link back, never a stack trace. */
final class ConsoleErrorPage {

    private ConsoleErrorPage() {}

    static void write(HttpServletResponse response, Problem problem, String contextPath) throws IOException {
        response.setContentType("text/html");
        response.setCharacterEncoding("UTF-8");
        response.getWriter()
                .write("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"UTF-8\"><title>" + problem.status()
                        + " " + escaped(problem.title()) + " · Tideflow</title></head><body><main><h1>"
                        + problem.status() + " " + escaped(problem.title()) + "</h1><p id=\"problem\">"
                        + escaped(problem.detail()) + "</p><p><a href=\"" + escaped(contextPath)
                        + "/console/index.xhtml\">Back to the console</a></p></main></body></html>");
    }

    private static String escaped(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
