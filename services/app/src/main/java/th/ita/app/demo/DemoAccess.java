package th.ita.app.demo;

import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import th.ita.app.administration.AccessAdministration;
import th.ita.core.access.Role;
import th.ita.core.organization.Organizations;
import th.ita.core.tenant.TenantId;
import th.ita.ingest.IngestOptions;
import th.ita.ingest.IngestProgress;
import th.ita.ingest.IngestScores;

/**
 * The demo tenants and their users. Passwords are random, made on first start and written to
 * {@code <data>/demo-credentials.txt} (readable by the owner only) — never to the repository.
 */
@Singleton
public class DemoAccess {
    static final String SECOND_TENANT = "demo-b";
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private final SecureRandom random = new SecureRandom();
    private final AccessAdministration administration;
    private final Organizations organizations;
    private final IngestScores ingest;

    DemoAccess(AccessAdministration administration, Organizations organizations, IngestScores ingest) {
        this.administration = administration;
        this.organizations = organizations;
        this.ingest = ingest;
    }

    /** The owner-only file of the demo users' passwords, and the lines this start added to it (empty when none were created). */
    public record Credentials(Path file, List<String> created) {
        public Credentials {
            created = List.copyOf(created);
        }
    }

    /** Creates what is missing; the new users' passwords are appended to the credentials file. */
    public Credentials ensure(TenantId demo, Path dataDirectory) {
        Path credentials = dataDirectory.resolve("demo-credentials.txt");
        List<String> lines = new ArrayList<>();
        if (!administration.tenantExists(demo)) {
            administration.createTenant(demo, "สำนักงาน ป.ป.ช. (สาธิต)", "NACC office (demo)", false);
            String code = organizations.byCode(demo, "5713001").map(o -> o.code()).orElse(null);
            lines.add("tenant " + demo + ": the national demo dataset");
            lines.add(user(demo, "admin", "ผู้ดูแลระบบ (Tenant admin)", Role.TENANT_ADMIN, List.of(), null));
            lines.add(user(demo, "analyst", "นักวิเคราะห์ (Analyst)", Role.ANALYST, List.of(), null));
            lines.add(user(demo, "chiangrai", "เจ้าหน้าที่จังหวัดเชียงราย (Province officer)", Role.PROVINCE_OFFICER, List.of("เชียงราย"), null));
            if (code != null) {
                lines.add(user(demo, "muangyai", "เทศบาลตำบลม่วงยาย (Organization user)", Role.ORGANIZATION_USER, List.of(), code));
            }
        }
        TenantId second = TenantId.of(SECOND_TENANT);
        if (!administration.tenantExists(second)) {
            administration.createTenant(second, "โครงการประเมินอื่น (สาธิต)", "Another assessment program (demo)", false);
            loadSeeds(second, dataDirectory);
            lines.add("tenant " + second + ": a separate customer with the two published seed reports only");
            lines.add(user(second, "admin-b", "ผู้ดูแลระบบ B (Tenant admin)", Role.TENANT_ADMIN, List.of(), null));
        }
        if (!lines.isEmpty()) {
            append(credentials, lines);
        }
        return new Credentials(credentials, lines);
    }

    private String user(TenantId tenant, String username, String displayName, Role role, List<String> provinces, String organizationCode) {
        String password = password();
        administration.createUser(tenant, "system", new AccessAdministration.NewUser(username, displayName, role, password, provinces, organizationCode));
        return String.format("  %-10s %-16s %s   (%s)", username, role, password, displayName);
    }

    private String password() {
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }

    private void loadSeeds(TenantId tenant, Path dataDirectory) {
        for (String seed : List.of("seed-002-long.csv", "seed-004-long.csv")) {
            try (InputStream in = DemoAccess.class.getClassLoader().getResourceAsStream("demo/" + seed)) {
                if (in == null) {
                    throw new IllegalStateException("demo resource missing: demo/" + seed);
                }
                Path file = Files.createTempFile(dataDirectory, "seed-", ".csv");
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                try {
                    ingest.ingest(tenant, file, seed, IngestOptions.detect(), IngestProgress.NONE);
                } finally {
                    Files.deleteIfExists(file);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static void append(Path credentials, List<String> lines) {
        try {
            if (!Files.exists(credentials)) {
                Files.createFile(credentials);
                try {
                    Files.setPosixFilePermissions(credentials, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException ignored) {
                    // Not a POSIX file system: the data directory's own permissions apply.
                }
            }
            Files.write(credentials, lines, java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + credentials, e);
        }
    }
}
