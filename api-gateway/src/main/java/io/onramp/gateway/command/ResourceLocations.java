package io.onramp.gateway.command;

/** Where the API serves a resource a command created or changed. */
public final class ResourceLocations {

    private ResourceLocations() {}

    public static String of(String resourceType, String resourceId) {
        if (resourceType == null || resourceId == null) {
            return null;
        }
        return switch (resourceType) {
            case "interview" -> "/api/v1/interviews/" + resourceId;
            case "access" -> "/api/v1/access/" + resourceId;
            case "attempt" -> "/api/v1/attempts/" + resourceId;
            case "workflow_definition" -> "/api/v1/workflow-definitions/" + resourceId;
            case "schedule" -> "/api/v1/schedules/" + resourceId;
            case "schedule_template" -> "/api/v1/schedule-templates/" + resourceId;
            case "guest_workflow" -> "/api/v1/guests/" + resourceId + "/dashboard";
            default -> null;
        };
    }

    public static String request(String requestId) {
        return "/api/v1/requests/" + requestId;
    }
}
