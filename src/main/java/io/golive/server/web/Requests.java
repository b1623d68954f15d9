package io.golive.server.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The JSON bodies the API accepts, validated (400 with every field error). */
final class Requests {
    private Requests() {}

    /** {@code POST /api/launches}, {@code PUT /api/launches/{id}}. */
    record LaunchRequest(
            @NotBlank @Size(max = 1_048_576) String spec,
            @NotEmpty Map<String, String> checklists) {}

    /** {@code PATCH /api/launches/{id}/items?item=ID}; absent fields stay as they are, "" clears. */
    record ItemRequest(
            @Size(max = 200) String owner,

            @Pattern(regexp = "DONE|PENDING", message = "must be DONE or PENDING")
            String status,

            @Size(max = 4000) String note,

            @Size(max = 2000) @Pattern(regexp = "(https?://\\S+)?", message = "must be an http(s) URL")
            String evidenceUrl) {}

    /** {@code POST /api/launches/{id}/signoffs}. */
    record SignoffRequest(
            @NotBlank @Size(max = 200) String role,

            @NotNull @Pattern(regexp = "APPROVE|REJECT", message = "must be APPROVE or REJECT")
            String verdict,

            @Size(max = 4000) String comment) {}

    /** {@code POST /api/launches/{id}/waivers}. */
    record WaiverRequest(
            @NotBlank @Size(max = 500) String item,
            @NotBlank @Size(max = 4000) String reason,
            @NotNull Instant expires) {}

    /** {@code POST /api/tokens}. */
    record TokenRequest(@NotBlank @Size(max = 200) String name) {}

    /** {@code POST /api/users}. */
    record UserRequest(
            @NotBlank @Size(max = 200) String name,

            @Size(min = 12, max = 200, message = "must be 12 to 200 characters")
            String password,

            @NotEmpty List<@NotBlank @Size(max = 200) String> roles) {}

    /** {@code PUT /api/secrets/{name}}. */
    record SecretRequest(@NotEmpty @Size(max = 8192) String value) {}
}
