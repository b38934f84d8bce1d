package io.onramp.workflow;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Guest onboarding workflows and the scheduled-interview lifecycle. */
@SpringBootApplication
public class WorkflowWorkerApplication {

    public static void main(String[] args) {
        SpringApplication.run(WorkflowWorkerApplication.class, args);
    }
}
