// The class-name signal: words in class and id that usually mark content or furniture.
import type { Element } from 'domhandler'

// Readability's lists, which hold up across sites and languages of markup.
const NEGATIVE =
  /-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|footer|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|widget/i
const POSITIVE =
  /article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story/i

/**
 * +25 for each of class and id that names content, -25 for each that names furniture.
 *
 * @example
 * classWeight(elementWithClass('article-body')) // 25
 */
export function classWeight(el: Element): number {
  let weight = 0
  for (const name of [el.attribs['class'], el.attribs['id']]) {
    if (name === undefined || name === '') continue
    if (NEGATIVE.test(name)) weight -= 25
    if (POSITIVE.test(name)) weight += 25
  }
  return weight
}
