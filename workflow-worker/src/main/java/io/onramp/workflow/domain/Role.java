package io.onramp.workflow.domain;

/** In which capacity a caller moves a task. */
public enum Role {
    /** The guest, progressing their own tasks ({@code workflows:update}). */
    GUEST,
    /** A coordinator, requesting more information or completing on the guest's behalf ({@code workflows:review}). */
    REVIEWER
}
