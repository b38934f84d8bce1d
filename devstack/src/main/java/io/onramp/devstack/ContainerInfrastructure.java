package io.onramp.devstack;

import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.util.List;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.MountableFile;

/**
 * The same infrastructure on Testcontainers, for machines with a Docker engine. Kept thin: the images are the ones
 * {@code docker-compose.yml} uses. Mail is accepted by GreenMail's container; reading it back is embedded-only.
 */
final class ContainerInfrastructure implements Infrastructure {

    private final Network network = Network.newNetwork();
    private final KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.1").withNetwork(network);
    private final PostgreSQLContainer postgres = new PostgreSQLContainer("postgres:17")
            .withDatabaseName(Postgres.DATABASE)
            .withCopyFileToContainer(
                    MountableFile.forClasspathResource("postgres/init.sql"), "/docker-entrypoint-initdb.d/init.sql")
            .withNetwork(network);
    private final GenericContainer<?> registry = new GenericContainer<>("apicurio/apicurio-registry:3.0.9")
            .withExposedPorts(8080)
            .waitingFor(Wait.forHttp("/apis/registry/v3/system/info"))
            .withNetwork(network);
    private final GenericContainer<?> smtp = new GenericContainer<>("greenmail/standalone:2.1.8")
            .withExposedPorts(3025, 3143)
            .withNetwork(network);

    private final Path dataDir;

    private ContainerInfrastructure(Path dataDir) {
        this.dataDir = dataDir;
    }

    static ContainerInfrastructure start(DevstackOptions options) {
        var infrastructure = new ContainerInfrastructure(options.dataDir());
        List.of(infrastructure.kafka, infrastructure.postgres, infrastructure.registry, infrastructure.smtp)
                .parallelStream()
                .forEach(GenericContainer::start);
        return infrastructure;
    }

    static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafka.getBootstrapServers();
    }

    @Override
    public String registryUrl() {
        return "http://" + registry.getHost() + ":" + registry.getMappedPort(8080) + "/apis/registry/v3";
    }

    @Override
    public String jdbcUrl() {
        return postgres.getJdbcUrl();
    }

    @Override
    public String smtpHost() {
        return smtp.getHost();
    }

    @Override
    public int smtpPort() {
        return smtp.getMappedPort(3025);
    }

    @Override
    public int imapPort() {
        return smtp.getMappedPort(3143);
    }

    @Override
    public List<MimeMessage> receivedMail() {
        throw new UnsupportedOperationException(
                "reading received mail back is available on the embedded devstack only");
    }

    @Override
    public Path dataDir() {
        return dataDir;
    }

    @Override
    public int kafkaNodes() {
        return 1;
    }

    @Override
    public void close() {
        List.of(smtp, registry, postgres, kafka).forEach(GenericContainer::stop);
        network.close();
    }
}
