package th.ita.storage.clickhouse.deploy;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * An offline check of Kubernetes manifests (no cluster runs here): the fields the API server requires
 * for the kinds we use, and the references between objects that kubectl would only catch at run time
 * — selectors that match their pods, named ports that exist, volumes, ConfigMaps, PVCs and headless
 * Services that are declared, images pinned to a version, ClickHouse hosts that are real pod names.
 * {@link #problems()} lists every problem as a sentence naming the object.
 */
final class KubernetesManifests {
    private static final Map<String, String> API_VERSIONS = Map.of(
            "Namespace", "v1", "ConfigMap", "v1", "Service", "v1", "PersistentVolumeClaim", "v1", "Secret", "v1",
            "Deployment", "apps/v1", "StatefulSet", "apps/v1");
    private static final Pattern DNS_1123 = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
    private static final Pattern PINNED_IMAGE = Pattern.compile("[a-z0-9./-]+:[0-9][A-Za-z0-9._-]*");
    private static final Set<String> ACCESS_MODES = Set.of("ReadWriteOnce", "ReadOnlyMany", "ReadWriteMany", "ReadWriteOncePod");

    private final List<Map<String, Object>> objects = new ArrayList<>();
    private final Set<String> externalSecrets;
    private final List<String> problems = new ArrayList<>();

    KubernetesManifests(List<Path> files, Set<String> externalSecrets) throws IOException {
        this.externalSecrets = externalSecrets;
        for (Path file : files) {
            for (Object document : new Yaml(new LoaderOptions()).loadAll(Files.readString(file))) {
                if (document == null) {
                    continue;
                }
                if (!(document instanceof Map<?, ?> map)) {
                    problems.add(file.getFileName() + ": a document that is not a mapping");
                    continue;
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> object = (Map<String, Object>) map;
                object.put("__file", file.getFileName().toString());
                objects.add(object);
            }
        }
    }

    List<Map<String, Object>> objects() {
        return objects;
    }

    Optional<Map<String, Object>> find(String kind, String name) {
        return objects.stream().filter(o -> kind.equals(o.get("kind")) && name.equals(name(o))).findFirst();
    }

    List<String> problems() {
        for (Map<String, Object> object : objects) {
            checkObject(object);
        }
        return problems;
    }

    private void checkObject(Map<String, Object> object) {
        String kind = String.valueOf(object.get("kind"));
        String where = object.get("__file") + " " + kind + "/" + name(object);
        String expected = API_VERSIONS.get(kind);
        if (expected == null) {
            problems.add(where + ": kind not checked by this test");
            return;
        }
        if (!expected.equals(object.get("apiVersion"))) {
            problems.add(where + ": apiVersion must be " + expected + ", is " + object.get("apiVersion"));
        }
        if (name(object) == null || !DNS_1123.matcher(name(object)).matches()) {
            problems.add(where + ": metadata.name must be a DNS-1123 label");
        }
        switch (kind) {
            case "Deployment", "StatefulSet" -> checkWorkload(where, object);
            case "Service" -> checkService(where, object);
            case "PersistentVolumeClaim" -> checkClaim(where, map(object, "spec"));
            case "ConfigMap" -> checkConfigMap(where, object);
            default -> { }
        }
    }

    private void checkWorkload(String where, Map<String, Object> workload) {
        Map<String, Object> spec = map(workload, "spec");
        Map<String, Object> matchLabels = map(map(spec, "selector"), "matchLabels");
        Map<String, Object> template = map(spec, "template");
        Map<String, Object> labels = map(map(template, "metadata"), "labels");
        if (matchLabels.isEmpty()) {
            problems.add(where + ": spec.selector.matchLabels is required");
        }
        matchLabels.forEach((key, value) -> {
            if (!value.equals(labels.get(key))) {
                problems.add(where + ": selector " + key + "=" + value + " does not match the pod template's labels");
            }
        });
        if (!(spec.get("replicas") instanceof Integer replicas) || replicas < 1) {
            problems.add(where + ": spec.replicas must be a positive number");
        }
        Map<String, Object> podSpec = map(template, "spec");
        List<Map<String, Object>> containers = list(podSpec, "containers");
        if (containers.isEmpty()) {
            problems.add(where + ": no containers");
        }
        Set<String> volumes = new java.util.HashSet<>();
        for (Map<String, Object> volume : list(podSpec, "volumes")) {
            volumes.add(String.valueOf(volume.get("name")));
            Map<String, Object> configMap = map(volume, "configMap");
            if (!configMap.isEmpty() && find("ConfigMap", String.valueOf(configMap.get("name"))).isEmpty() && !generated(String.valueOf(configMap.get("name")))) {
                problems.add(where + ": volume " + volume.get("name") + " names ConfigMap " + configMap.get("name") + ", which is not declared");
            }
            Map<String, Object> claim = map(volume, "persistentVolumeClaim");
            if (!claim.isEmpty() && find("PersistentVolumeClaim", String.valueOf(claim.get("claimName"))).isEmpty()) {
                problems.add(where + ": volume " + volume.get("name") + " names PVC " + claim.get("claimName") + ", which is not declared");
            }
        }
        for (Map<String, Object> claimTemplate : list(spec, "volumeClaimTemplates")) {
            volumes.add(String.valueOf(map(claimTemplate, "metadata").get("name")));
            checkClaim(where + " volumeClaimTemplate", map(claimTemplate, "spec"));
        }
        if ("StatefulSet".equals(workload.get("kind"))) {
            String serviceName = String.valueOf(spec.get("serviceName"));
            Optional<Map<String, Object>> service = find("Service", serviceName);
            if (service.isEmpty() || !"None".equals(map(service.get(), "spec").get("clusterIP"))) {
                problems.add(where + ": serviceName " + serviceName + " must be a declared headless Service (clusterIP: None)");
            }
        }
        for (Map<String, Object> container : containers) {
            checkContainer(where + " container " + container.get("name"), container, volumes);
        }
    }

    private void checkContainer(String where, Map<String, Object> container, Set<String> volumes) {
        if (container.get("name") == null || !DNS_1123.matcher(String.valueOf(container.get("name"))).matches()) {
            problems.add(where + ": container name is required (DNS-1123)");
        }
        String image = String.valueOf(container.get("image"));
        if (!PINNED_IMAGE.matcher(image).matches()) {
            problems.add(where + ": image " + image + " must be pinned to a version tag");
        }
        Set<String> portNames = new java.util.HashSet<>();
        Set<Integer> portNumbers = new java.util.HashSet<>();
        for (Map<String, Object> port : list(container, "ports")) {
            if (!(port.get("containerPort") instanceof Integer number) || number < 1 || number > 65_535) {
                problems.add(where + ": containerPort must be 1–65535");
                continue;
            }
            portNumbers.add(number);
            if (port.get("name") != null) {
                String name = String.valueOf(port.get("name"));
                if (name.length() > 15 || !DNS_1123.matcher(name).matches()) {
                    problems.add(where + ": port name " + name + " must be a DNS-1123 label of at most 15 characters");
                }
                portNames.add(name);
            }
        }
        for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
            Map<String, Object> definition = map(container, probe);
            if (definition.isEmpty()) {
                if (!"startupProbe".equals(probe)) {
                    problems.add(where + ": " + probe + " is missing");
                }
                continue;
            }
            for (String handler : List.of("httpGet", "tcpSocket")) {
                Object port = map(definition, handler).get("port");
                if (port != null && !(port instanceof Integer number ? portNumbers.contains(number) : portNames.contains(String.valueOf(port)))) {
                    problems.add(where + ": " + probe + " uses port " + port + ", which the container does not declare");
                }
            }
            if (map(definition, "httpGet").isEmpty() && map(definition, "tcpSocket").isEmpty() && map(definition, "exec").isEmpty()) {
                problems.add(where + ": " + probe + " has no handler (httpGet, tcpSocket or exec)");
            }
        }
        for (Map<String, Object> mount : list(container, "volumeMounts")) {
            if (!volumes.contains(String.valueOf(mount.get("name")))) {
                problems.add(where + ": volumeMount " + mount.get("name") + " has no volume");
            }
            if (!String.valueOf(mount.get("mountPath")).startsWith("/")) {
                problems.add(where + ": volumeMount " + mount.get("name") + " needs an absolute mountPath");
            }
        }
        for (Map<String, Object> source : list(container, "envFrom")) {
            Map<String, Object> configMap = map(source, "configMapRef");
            if (!configMap.isEmpty() && find("ConfigMap", String.valueOf(configMap.get("name"))).isEmpty()) {
                problems.add(where + ": envFrom names ConfigMap " + configMap.get("name") + ", which is not declared");
            }
        }
        for (Map<String, Object> variable : list(container, "env")) {
            Map<String, Object> from = map(variable, "valueFrom");
            Map<String, Object> secret = map(from, "secretKeyRef");
            if (!secret.isEmpty() && !externalSecrets.contains(secret.get("name") + "/" + secret.get("key"))) {
                problems.add(where + ": env " + variable.get("name") + " reads secret " + secret.get("name") + "/" + secret.get("key")
                        + ", which the deployment guide does not list");
            }
            Map<String, Object> configMapKey = map(from, "configMapKeyRef");
            if (!configMapKey.isEmpty() && find("ConfigMap", String.valueOf(configMapKey.get("name")))
                    .map(c -> !map(c, "data").containsKey(String.valueOf(configMapKey.get("key")))).orElse(true)) {
                problems.add(where + ": env " + variable.get("name") + " reads a ConfigMap key that is not declared");
            }
            if (from.isEmpty() && variable.get("value") == null) {
                problems.add(where + ": env " + variable.get("name") + " has neither value nor valueFrom");
            }
        }
    }

    private void checkService(String where, Map<String, Object> service) {
        Map<String, Object> spec = map(service, "spec");
        Map<String, Object> selector = map(spec, "selector");
        List<Map<String, Object>> pods = objects.stream()
                .filter(o -> "Deployment".equals(o.get("kind")) || "StatefulSet".equals(o.get("kind")))
                .filter(o -> map(map(map(map(o, "spec"), "template"), "metadata"), "labels").entrySet().containsAll(selector.entrySet()))
                .toList();
        if (selector.isEmpty() || pods.isEmpty()) {
            problems.add(where + ": selector " + selector + " matches no pod template");
        }
        if (list(spec, "ports").isEmpty()) {
            problems.add(where + ": no ports");
        }
        for (Map<String, Object> port : list(spec, "ports")) {
            Object target = port.getOrDefault("targetPort", port.get("port"));
            for (Map<String, Object> pod : pods) {
                boolean declared = list(map(map(map(pod, "spec"), "template"), "spec"), "containers").stream()
                        .flatMap(c -> list(c, "ports").stream())
                        .anyMatch(p -> target instanceof Integer ? target.equals(p.get("containerPort")) : String.valueOf(target).equals(p.get("name")));
                if (!declared) {
                    problems.add(where + ": targetPort " + target + " is not a port of " + name(pod));
                }
            }
        }
    }

    private void checkClaim(String where, Map<String, Object> spec) {
        List<?> modes = spec.get("accessModes") instanceof List<?> list ? list : List.of();
        if (modes.isEmpty() || !ACCESS_MODES.containsAll(modes)) {
            problems.add(where + ": accessModes must be a non-empty list of " + ACCESS_MODES);
        }
        if (map(map(spec, "resources"), "requests").get("storage") == null) {
            problems.add(where + ": resources.requests.storage is required");
        }
    }

    private void checkConfigMap(String where, Map<String, Object> configMap) {
        map(configMap, "data").forEach((key, value) -> {
            if (key.endsWith(".xml")) {
                try {
                    xml(String.valueOf(value));
                } catch (Exception e) {
                    problems.add(where + ": " + key + " is not well-formed XML: " + e.getMessage());
                }
            }
        });
    }

    private boolean generated(String configMap) {
        return objects.stream().noneMatch(o -> "ConfigMap".equals(o.get("kind")) && configMap.equals(name(o))) && "clickhouse-schema".equals(configMap);
    }

    /** Hosts named {@code pod.service} must be pods that a StatefulSet of that headless Service makes. */
    List<String> unknownPodHosts(List<String> hosts) {
        List<String> unknown = new ArrayList<>();
        for (String host : hosts) {
            int dot = host.indexOf('.');
            String pod = dot < 0 ? host : host.substring(0, dot);
            String service = dot < 0 ? "" : host.substring(dot + 1);
            boolean known = objects.stream().filter(o -> "StatefulSet".equals(o.get("kind")))
                    .filter(o -> service.equals(map(o, "spec").get("serviceName")))
                    .anyMatch(o -> {
                        String prefix = name(o) + "-";
                        if (!pod.startsWith(prefix) || !pod.substring(prefix.length()).matches("[0-9]+")) {
                            return false;
                        }
                        return Integer.parseInt(pod.substring(prefix.length())) < (Integer) map(o, "spec").get("replicas");
                    });
            if (!known) {
                unknown.add(host);
            }
        }
        return unknown;
    }

    static Document xml(String text) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(text)));
    }

    static List<String> texts(Document document, String tag) {
        List<String> texts = new ArrayList<>();
        NodeList nodes = document.getElementsByTagName(tag);
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(((Element) nodes.item(i)).getTextContent().strip());
        }
        return texts;
    }

    static String name(Map<String, Object> object) {
        Object name = map(object, "metadata").get("name");
        return name == null ? null : String.valueOf(name);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Map<String, Object> parent, String key) {
        Object value = parent == null ? null : parent.get(key);
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : new LinkedHashMap<>();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Map<String, Object> parent, String key) {
        Object value = parent == null ? null : parent.get(key);
        if (!(value instanceof List<?> list)) {
            return List.of();
        }
        return list.stream().filter(Map.class::isInstance).map(item -> (Map<String, Object>) item).toList();
    }
}
