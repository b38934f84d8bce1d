package io.onramp.reminder;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Reminder timers derived from schedule events. */
@SpringBootApplication
public class ReminderWorkerApplication {

    public static void main(String[] args) {
        SpringApplication.run(ReminderWorkerApplication.class, args);
    }
}
