// The lowest level of a requirement that meets the legal minimum of every applicable regime
// (decision 037): what the wizard and "insert" propose, so nobody is offered a text below the law.
import type { LevelName } from "../templates/wizardAnswers";

const order: readonly LevelName[] = ["basic", "standard", "strict"];

/**
 * From the chosen level upwards, the first whose text falls below no element of the regimes that
 * apply (`belowOf(level)`: the elements that level's text does not meet; an element id starts
 * with its regime, "dora:30.3.e"). The strictest when none does.
 */
export function levelMeetingFloors(chosen: LevelName, regimes: readonly string[], belowOf: (level: LevelName) => readonly string[]): LevelName {
  const applies = (element: string) => regimes.includes(element.slice(0, element.indexOf(":")));
  return order.slice(order.indexOf(chosen)).find((level) => !belowOf(level).some(applies)) ?? "strict";
}
