import { stableId } from '../shared/commands/stable-id';

/** Usernames are compared without regard to case or surrounding spaces. */
export function normalUsername(username: string): string {
  return username.trim().toLowerCase();
}

/** A user's id follows from the username, so signing in finds the stream without a read model. */
export function userIdOf(username: string): string {
  return stableId('user', normalUsername(username));
}
