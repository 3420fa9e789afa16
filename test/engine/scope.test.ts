import { classifyScope, isFollowUp } from '../../src/engine/scope';

const IN_SCOPE = [
  'Which of our users had risky sign-ins this week?',
  'show open high-severity incidents',
  'is LAPTOP-BOB01 compliant?',
  'tell me about CVE-2021-44228',
  'what was added to KEV this week?',
  'which hosts talked to 185.220.101.4 today?',
  'is lodash 4.17.20 vulnerable?',
  'what is T1059?',
  'how do we improve our web security?',
  'Summarise incident 2041',
  'What alerts fired overnight?',
  'Is 44d88612fea8a8f36de82e1278abb02f malicious?',
  'Check hxxp://login-micros0ft[.]com/verify',
  'Which devices are noncompliant?',
  'List users at high risk',
  'Did anyone sign in from Tor exit nodes?',
  'Has bob.lee@contoso.com been phished?',
  'Explain MITRE ATT&CK lateral movement techniques',
  'What ransomware groups target healthcare?',
  'How should we harden our Azure tenant?',
  'Give me a weekly incident report',
  'Review our conditional access policies',
  'What is our password policy?',
  'Any suspicious logins from new countries?',
  'Is this email a phishing attempt?',
  'Which endpoints are missing the latest patching?',
  'How do I enable MFA for all admins?',
  'Explain this SQL injection finding',
  'What does APT29 usually do first?',
  'Write a KQL query for failed sign-ins',
  'Are we exposed to the latest zero-day in Exchange?',
  'block evil-domain.ru at the firewall?',
  'What is the risk level of Priya Nair?',
  'Show me Defender alerts for DESKTOP-7F3K2Q',
  'Who accessed the finance share after hours? Looks like data exfiltration',
  'who is maria.garcia@contoso.com?',
  'look up user priya',
  'help with phishing',
];

const OUT_OF_SCOPE = [
  'write a poem about cats',
  "what's the capital of France?",
  'give me a recipe for banana bread',
  'who won the football match last night?',
  'write a python function that reverses a string',
  'translate "good morning" into Spanish',
  'what is the weather tomorrow in Seattle?',
  'recommend a good sci-fi novel',
  'how many calories are in an apple?',
  'tell me a joke',
  'what is 17 times 23?',
  'plan a three-day trip to Rome',
  'explain the offside rule in soccer',
  'how do I center a div in CSS?',
  'compose a song about the sea',
  'what time is it in Tokyo?',
  'who painted the Mona Lisa?',
  'suggest names for my new puppy',
  'how do I make my sourdough starter rise?',
  'summarise the plot of Hamlet',
  'what are good stocks to buy this year?',
  'convert 10 miles to kilometres',
  'write a haiku about security guards',
  'how do I sort a list in JavaScript?',
  'what is the best pizza topping?',
  'help me write a birthday message for my mum',
  'what is the capital of Australia?',
  'how tall is Mount Everest?',
  'write a story about a hacker who finds love',
  'what movies are playing this weekend?',
  'what is the meaning of life?',
  'recommend a laptop for gaming',
  'who is the president of France?',
];

describe('classifyScope', () => {
  it('has a balanced table of at least sixty labelled questions', () => {
    expect(IN_SCOPE.length + OUT_OF_SCOPE.length).toBeGreaterThanOrEqual(60);
    expect(Math.abs(IN_SCOPE.length - OUT_OF_SCOPE.length)).toBeLessThanOrEqual(8);
  });

  it.each(IN_SCOPE)('accepts a security question: %s', (question) => {
    expect(classifyScope(question)).toMatchObject({ inScope: true });
  });

  it.each(OUT_OF_SCOPE)('refuses an off-topic request: %s', (question) => {
    expect(classifyScope(question)).toMatchObject({ inScope: false });
  });

  it.each(['and for bob?', 'what about last month?', 'and yesterday?', 'same for alice', 'why?'])(
    'accepts the follow-up "%s" after a security question',
    (followUp) => {
      expect(classifyScope(followUp, { previousInScope: true })).toEqual({
        inScope: true,
        reason: 'follow-up to a security question',
      });
    },
  );

  it.each(['and for bob?', 'what about last month?'])(
    'refuses the follow-up "%s" when nothing security-related came before',
    (followUp) => {
      expect(classifyScope(followUp, { previousInScope: false }).inScope).toBe(false);
    },
  );

  it('still refuses an off-topic question asked after a security question', () => {
    expect(classifyScope("what's the capital of France?", { previousInScope: true }).inScope).toBe(
      false,
    );
  });

  it.each(['hello', 'Hi Warden!', 'what can you do?', 'help'])(
    'marks "%s" as a greeting or help request, not as a security question',
    (greeting) => {
      expect(classifyScope(greeting)).toEqual({
        inScope: false,
        reason: 'greeting or help request',
        help: true,
      });
    },
  );

  it('says why it decided', () => {
    expect(classifyScope('tell me about CVE-2021-44228').reason).toBe('indicator: CVE id');
    expect(classifyScope('write a poem about phishing').reason).toBe('creative writing request');
  });
});

describe('isFollowUp', () => {
  it('treats long sentences as new questions even when they start like a follow-up', () => {
    expect(
      isFollowUp('and then tell me everything about the history of the Roman empire please'),
    ).toBe(false);
  });
});
