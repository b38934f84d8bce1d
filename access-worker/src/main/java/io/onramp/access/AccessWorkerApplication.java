package io.onramp.access;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Interview catalogue, access grants and attempts: decided in Kafka Streams, projected into PostgreSQL. */
@SpringBootApplication
public class AccessWorkerApplication {

    public static void main(String[] args) {
        SpringApplication.run(AccessWorkerApplication.class, args);
    }
}
