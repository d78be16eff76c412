package th.ita.storage.clickhouse.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static th.ita.storage.clickhouse.deploy.KubernetesManifests.list;
import static th.ita.storage.clickhouse.deploy.KubernetesManifests.map;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.yaml.snakeyaml.Yaml;

/** deploy/: the Kubernetes manifests and the compose file, checked offline (no cluster, no Docker here). */
class DeploymentManifestsTest {
    /** Created by the operator, never committed (deploy/README.md, "Secrets"). */
    static final Set<String> EXTERNAL_SECRETS = Set.of("ita-secrets/postgres-password", "ita-secrets/clickhouse-password",
            "ita-secrets/clickhouse-cluster-secret");
    static final Path DEPLOY = Path.of(System.getProperty("basedir", ".")).resolve("../../deploy").normalize();
    private static KubernetesManifests manifests;

    @BeforeAll
    static void load() throws Exception {
        List<Path> files;
        try (Stream<Path> paths = Files.list(DEPLOY.resolve("kubernetes"))) {
            files = paths.filter(p -> p.toString().endsWith(".yaml") && !p.endsWith("kustomization.yaml")).sorted().toList();
        }
        manifests = new KubernetesManifests(files, EXTERNAL_SECRETS);
    }

    @Test
    void everyManifestHasTheRequiredFieldsAndConsistentReferences() {
        assertThat(manifests.objects()).hasSizeGreaterThan(10);
        assertThat(manifests.problems()).isEmpty();
    }

    @Test
    void theKustomizationListsEveryManifestAndItsFilesExist() throws Exception {
        Map<String, Object> kustomization = new Yaml().load(Files.readString(DEPLOY.resolve("kubernetes/kustomization.yaml")));
        @SuppressWarnings("unchecked")
        List<String> resources = (List<String>) kustomization.get("resources");
        try (Stream<Path> paths = Files.list(DEPLOY.resolve("kubernetes"))) {
            assertThat(resources).containsExactlyInAnyOrderElementsOf(paths.map(p -> p.getFileName().toString())
                    .filter(name -> name.endsWith(".yaml") && !name.equals("kustomization.yaml")).toList());
        }
        for (Map<String, Object> generator : list(kustomization, "configMapGenerator")) {
            for (Object file : (List<?>) generator.get("files")) {
                assertThat(DEPLOY.resolve("kubernetes").resolve(String.valueOf(file))).isRegularFile();
            }
        }
    }

    @Test
    void thePlatformRunsAsStatelessReplicasOnSharedUploadsProbedOnHealth() {
        Map<String, Object> platform = manifests.find("Deployment", "ita-platform").orElseThrow();
        assertThat((Integer) map(platform, "spec").get("replicas")).isGreaterThanOrEqualTo(2);
        Map<String, Object> container = list(map(map(map(platform, "spec"), "template"), "spec"), "containers").get(0);
        for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
            assertThat(map(map(container, probe), "httpGet").get("path")).as(probe).isEqualTo("/health");
        }
        Map<String, Object> claim = manifests.find("PersistentVolumeClaim", "platform-uploads").orElseThrow();
        assertThat(map(claim, "spec").get("accessModes")).isEqualTo(List.of("ReadWriteMany"));
        Map<String, Object> config = map(manifests.find("ConfigMap", "platform-config").orElseThrow(), "data");
        assertThat(config).containsEntry("ITA_STORE_FACTS", "clickhouse").containsEntry("ITA_CLICKHOUSE_CLUSTER", "ita");
        assertThat(hostOf(String.valueOf(config.get("ITA_CLICKHOUSE_URL")))).isEqualTo("clickhouse-http");
        assertThat(hostOf(String.valueOf(config.get("DATASOURCES_DEFAULT_URL")))).isEqualTo("postgres");
        assertThat(manifests.find("Service", "clickhouse-http")).isPresent();
        assertThat(manifests.find("Service", "postgres")).isPresent();
    }

    @Test
    void theClickHouseClusterNamesRealPodsForItsShardsReplicasAndKeepers() throws Exception {
        String xml = String.valueOf(map(manifests.find("ConfigMap", "clickhouse-config").orElseThrow(), "data").get("ita-cluster.xml"));
        Document config = KubernetesManifests.xml(xml);
        List<String> replicas = KubernetesManifests.texts(config, "host");
        assertThat(replicas).hasSizeGreaterThanOrEqualTo(4 + 3);
        assertThat(manifests.unknownPodHosts(replicas)).isEmpty();
        assertThat(config.getElementsByTagName("shard").getLength()).as("shards (the <shard> elements of remote_servers, plus the macro)")
                .isGreaterThanOrEqualTo(3);
        assertThat(config.getElementsByTagName("ita").getLength()).as("the cluster the adapter names").isEqualTo(1);
        String keeper = String.valueOf(map(manifests.find("ConfigMap", "clickhouse-keeper-config").orElseThrow(), "data").get("keeper.xml"));
        List<String> raft = KubernetesManifests.texts(KubernetesManifests.xml(keeper), "hostname");
        assertThat(raft).hasSize(3);
        assertThat(manifests.unknownPodHosts(raft)).isEmpty();
        Map<String, Object> keepers = manifests.find("StatefulSet", "clickhouse-keeper").orElseThrow();
        assertThat(map(keepers, "spec").get("replicas")).as("a Raft quorum of three").isEqualTo(3);
    }

    @Test
    void brokenReferencesAreReported() throws Exception {
        Path broken = Files.createTempFile("broken", ".yaml");
        Files.writeString(broken, """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                spec:
                  replicas: 1
                  selector:
                    matchLabels:
                      app: web
                  template:
                    metadata:
                      labels:
                        app: other
                    spec:
                      containers:
                        - name: web
                          image: nginx:latest
                          ports:
                            - name: http
                              containerPort: 80
                          readinessProbe:
                            httpGet:
                              path: /
                              port: https
                          volumeMounts:
                            - name: missing
                              mountPath: /data
                ---
                apiVersion: v1
                kind: Service
                metadata:
                  name: web
                spec:
                  selector:
                    app: nobody
                  ports:
                    - port: 80
                """);
        List<String> problems = new KubernetesManifests(List.of(broken), Set.of()).problems();
        assertThat(String.join("\n", problems)).contains("does not match the pod template", "must be pinned", "port https",
                "livenessProbe is missing", "volumeMount missing has no volume", "matches no pod template");
        Files.delete(broken);
    }

    @Test
    void theComposeFileStartsThePlatformAfterHealthyPostgresAndClickHouse() throws Exception {
        Map<String, Object> compose = new Yaml().load(Files.readString(DEPLOY.resolve("compose.yaml")));
        Map<String, Object> services = map(compose, "services");
        assertThat(services).containsOnlyKeys("platform", "postgres", "clickhouse");
        List<String> problems = new ArrayList<>();
        services.forEach((name, definition) -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> service = (Map<String, Object>) definition;
            if (map(service, "healthcheck").get("test") == null) {
                problems.add(name + " has no health check");
            }
            if (service.get("image") == null || String.valueOf(service.get("image")).endsWith(":latest") || !String.valueOf(service.get("image")).contains(":")) {
                problems.add(name + " has no pinned image");
            }
            map(service, "depends_on").forEach((dependency, condition) -> {
                if (!services.containsKey(dependency) || !"service_healthy".equals(((Map<?, ?>) condition).get("condition"))) {
                    problems.add(name + " must wait for a healthy " + dependency);
                }
            });
        });
        assertThat(problems).isEmpty();
        Map<String, Object> platform = map(services, "platform");
        assertThat(map(platform, "depends_on")).containsOnlyKeys("postgres", "clickhouse");
        assertThat(String.valueOf(map(platform, "healthcheck").get("test"))).contains("/health");
        Map<String, Object> environment = map(platform, "environment");
        assertThat(environment).containsEntry("ITA_STORE_FACTS", "clickhouse");
        assertThat(hostOf(String.valueOf(environment.get("DATASOURCES_DEFAULT_URL")))).isEqualTo("postgres");
        assertThat(hostOf(String.valueOf(environment.get("ITA_CLICKHOUSE_URL")))).isEqualTo("clickhouse");
        assertThat(DEPLOY.resolve(String.valueOf(map(platform, "build").get("dockerfile")).replaceFirst("^deploy/", ""))).isRegularFile();
    }

    private static String hostOf(String jdbcUrl) {
        String rest = jdbcUrl.substring(jdbcUrl.indexOf("//") + 2);
        return rest.split("[:/]")[0];
    }
}
