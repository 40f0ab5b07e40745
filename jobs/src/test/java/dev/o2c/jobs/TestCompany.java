package dev.o2c.jobs;

import dev.o2c.jobs.generate.CompanyGenerator;
import java.nio.file.Path;
import java.time.LocalDate;

/** A small generated company, closed as of the end of its last month. */
final class TestCompany {

    static final LocalDate AS_OF = LocalDate.of(2025, 10, 31);

    private TestCompany() {
    }

    static Path write(Path dir) {
        new CompanyGenerator(new CompanyGenerator.Settings(7, 30, 450, 4, AS_OF)).writeTo(dir);
        return dir;
    }
}
