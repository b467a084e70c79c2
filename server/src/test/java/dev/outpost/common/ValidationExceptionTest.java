package dev.outpost.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValidationExceptionTest {
    @Test
    void messageListsTheProblems() {
        ValidationException one = ValidationException.of("name", "is required");
        assertThat(one.getMessage()).isEqualTo("field 'name': is required");

        ValidationException two = new ValidationException(
                List.of(new Problem(7, "kind", "unknown station kind 'xyz'"), new Problem(9, null, "too few columns")));
        assertThat(two.getMessage())
                .isEqualTo("2 problems: row 7, field 'kind': unknown station kind 'xyz'; row 9: too few columns");
        assertThat(two.problems()).hasSize(2);
    }

    @Test
    void longListsAreCutInTheMessageButKeptWhole() {
        List<Problem> many = new ArrayList<>();
        for (int row = 1; row <= 12; row++) {
            many.add(new Problem(row, "lat", "not a number"));
        }
        ValidationException e = new ValidationException(many);
        assertThat(e.getMessage()).startsWith("12 problems: row 1, field 'lat'").endsWith("; and 2 more");
        assertThat(e.problems()).hasSize(12);
        many.clear();
        assertThat(e.problems()).hasSize(12);
    }

    @Test
    void problemsAreChecked() {
        assertThatThrownBy(() -> new ValidationException(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Problem(-1, "a", "b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Problem(1, "a", " ")).isInstanceOf(IllegalArgumentException.class);
    }
}
