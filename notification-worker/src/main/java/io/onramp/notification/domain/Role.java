package io.onramp.notification.domain;

/** Why a recipient gets a notification: who they are to the interview or workflow it is about. */
public enum Role {
    CANDIDATE,
    INTERVIEWER,
    ORGANIZER,
    GUEST
}
