import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { robotsPolicy } from '../../../src/scrapers/site/robots-txt.js';

/**
 * Cases ported from google/robotstxt robots_test.cc (Apache-2.0), the
 * reference matcher. `allowed(robots, agent, url)` is its IsUserAgentAllowed.
 * Where trawl deliberately differs (it percent-encodes and normalises URLs
 * per RFC 9309 before matching), the case says so.
 */
function allowed(robotstxt: string, agent: string, url: string): boolean {
  return robotsPolicy(robotstxt, new URL(url).origin, agent).isAllowed(url);
}

describe('google/robotstxt: line syntax and groups', () => {
  it('ID_LineSyntax_Line: accepts a missing colon, ignores unknown keys', () => {
    const url = 'http://foo.bar/x/y';
    assert.equal(allowed('user-agent: FooBot\ndisallow: /\n', 'FooBot', url), false);
    assert.equal(allowed('foo: FooBot\nbar: /\n', 'FooBot', url), true);
    assert.equal(allowed('user-agent FooBot\ndisallow /\n', 'FooBot', url), false);
  });

  it('ID_LineSyntax_Groups: merges groups of one agent, ignores rules outside groups', () => {
    const robotstxt = 'allow: /foo/bar/\n\nuser-agent: FooBot\ndisallow: /\nallow: /x/\nuser-agent: BarBot\ndisallow: /\nallow: /y/\n\n\nallow: /w/\n'
      + 'user-agent: BazBot\n\nuser-agent: FooBot\nallow: /z/\ndisallow: /\n';
    assert.equal(allowed(robotstxt, 'FooBot', 'http://foo.bar/x/b'), true);
    assert.equal(allowed(robotstxt, 'FooBot', 'http://foo.bar/z/d'), true);
    assert.equal(allowed(robotstxt, 'FooBot', 'http://foo.bar/y/c'), false);
    assert.equal(allowed(robotstxt, 'BarBot', 'http://foo.bar/y/c'), true);
    assert.equal(allowed(robotstxt, 'BarBot', 'http://foo.bar/w/a'), true);
    assert.equal(allowed(robotstxt, 'BarBot', 'http://foo.bar/z/d'), false);
    assert.equal(allowed(robotstxt, 'BazBot', 'http://foo.bar/z/d'), true);
    for (const agent of ['FooBot', 'BarBot', 'BazBot']) assert.equal(allowed(robotstxt, agent, 'http://foo.bar/foo/bar/'), false);
  });

  it('ID_REPLineNamesCaseInsensitive', () => {
    for (const robotstxt of ['USER-AGENT: FooBot\nALLOW: /x/\nDISALLOW: /\n', 'user-agent: FooBot\nallow: /x/\ndisallow: /\n', 'uSeR-aGeNt: FooBot\nAlLoW: /x/\ndIsAlLoW: /\n']) {
      assert.equal(allowed(robotstxt, 'FooBot', 'http://foo.bar/x/y'), true);
      assert.equal(allowed(robotstxt, 'FooBot', 'http://foo.bar/a/b'), false);
    }
  });

  it('ID_UserAgentValueCaseInsensitive and GoogleOnly_AcceptUserAgentUpToFirstSpace', () => {
    for (const robotstxt of ['User-Agent: FOO BAR\nAllow: /x/\nDisallow: /\n', 'User-Agent: foo bar\nAllow: /x/\nDisallow: /\n', 'User-Agent: FoO bAr\nAllow: /x/\nDisallow: /\n']) {
      for (const agent of ['Foo', 'foo']) {
        assert.equal(allowed(robotstxt, agent, 'http://foo.bar/x/y'), true);
        assert.equal(allowed(robotstxt, agent, 'http://foo.bar/a/b'), false);
      }
    }
    assert.equal(allowed('User-Agent: *\nDisallow: /\nUser-Agent: Foo Bar\nAllow: /x/\nDisallow: /\n', 'Foo', 'http://foo.bar/x/y'), true);
  });

  it('ID_GlobalGroups_Secondary: the * group only when no group names the agent', () => {
    const url = 'http://foo.bar/x/y';
    assert.equal(allowed('', 'FooBot', url), true);
    const global = 'user-agent: *\nallow: /\nuser-agent: FooBot\ndisallow: /\n';
    assert.equal(allowed(global, 'FooBot', url), false);
    assert.equal(allowed(global, 'BarBot', url), true);
    assert.equal(allowed('user-agent: FooBot\nallow: /\nuser-agent: BarBot\ndisallow: /\nuser-agent: BazBot\ndisallow: /\n', 'QuxBot', url), true);
  });

  it('ID_AllowDisallow_Value_CaseSensitive', () => {
    assert.equal(allowed('user-agent: FooBot\ndisallow: /x/\n', 'FooBot', 'http://foo.bar/x/y'), false);
    assert.equal(allowed('user-agent: FooBot\ndisallow: /X/\n', 'FooBot', 'http://foo.bar/x/y'), true);
  });
});

describe('google/robotstxt: ID_LongestMatch (most octets wins; a tie goes to Allow)', () => {
  const url = 'http://foo.bar/x/page.html';
  const cases: [robotstxt: string, url: string, expected: boolean][] = [
    ['user-agent: FooBot\ndisallow: /x/page.html\nallow: /x/\n', url, false],
    ['user-agent: FooBot\nallow: /x/page.html\ndisallow: /x/\n', url, true],
    ['user-agent: FooBot\nallow: /x/page.html\ndisallow: /x/\n', 'http://foo.bar/x/', false],
    ['user-agent: FooBot\ndisallow: \nallow: \n', url, true],
    ['user-agent: FooBot\ndisallow: /\nallow: /\n', url, true],
    ['user-agent: FooBot\ndisallow: /x\nallow: /x/\n', 'http://foo.bar/x', false],
    ['user-agent: FooBot\ndisallow: /x\nallow: /x/\n', 'http://foo.bar/x/', true],
    ['user-agent: FooBot\ndisallow: /x/page.html\nallow: /x/page.html\n', url, true],
    ['user-agent: FooBot\nallow: /page\ndisallow: /*.html\n', 'http://foo.bar/page.html', false],
    ['user-agent: FooBot\nallow: /page\ndisallow: /*.html\n', 'http://foo.bar/page', true],
    ['user-agent: FooBot\nallow: /x/page.\ndisallow: /*.html\n', url, true],
    ['user-agent: FooBot\nallow: /x/page.\ndisallow: /*.html\n', 'http://foo.bar/x/y.html', false],
    ['User-agent: *\nDisallow: /x/\nUser-agent: FooBot\nDisallow: /y/\n', 'http://foo.bar/x/page', true],
    ['User-agent: *\nDisallow: /x/\nUser-agent: FooBot\nDisallow: /y/\n', 'http://foo.bar/y/page', false],
  ];
  for (const [robotstxt, target, expected] of cases) {
    it(`${expected ? 'allows' : 'disallows'} ${new URL(target).pathname} under ${JSON.stringify(robotstxt.replace(/^user-agent: FooBot\n/i, ''))}`, () => {
      assert.equal(allowed(robotstxt, 'FooBot', target), expected);
    });
  }
});

describe('google/robotstxt: ID_Encoding', () => {
  it('matches a query holding a URL literally', () => {
    assert.equal(allowed('User-agent: FooBot\nDisallow: /\nAllow: /foo/bar?qux=taz&baz=http://foo.bar?tar&par\n', 'FooBot',
      'http://foo.bar/foo/bar?qux=taz&baz=http://foo.bar?tar&par'), true);
  });

  it('encodes a 3-byte character in a rule; an unencoded URL is encoded too (RFC 9309; Google leaves that to the caller)', () => {
    for (const rule of ['/foo/bar/ツ', '/foo/bar/%E3%83%84']) {
      const robotstxt = `User-agent: FooBot\nDisallow: /\nAllow: ${rule}\n`;
      assert.equal(allowed(robotstxt, 'FooBot', 'http://foo.bar/foo/bar/%E3%83%84'), true);
      assert.equal(allowed(robotstxt, 'FooBot', 'http://foo.bar/foo/bar/ツ'), true, 'Google: false, the URL was not encoded by the caller');
    }
  });

  it('reads escaped unreserved characters as the characters (RFC 9309 example; Google: literal only)', () => {
    const robotstxt = 'User-agent: FooBot\nDisallow: /\nAllow: /foo/bar/%62%61%7A\n';
    assert.equal(allowed(robotstxt, 'FooBot', 'http://foo.bar/foo/bar/%62%61%7A'), true);
    assert.equal(allowed(robotstxt, 'FooBot', 'http://foo.bar/foo/bar/baz'), true, 'Google: false');
  });
});

describe('google/robotstxt: ID_SpecialCharacters', () => {
  it('* matches any run of characters', () => {
    const robotstxt = 'User-agent: FooBot\nDisallow: /foo/bar/quz\nAllow: /foo/*/qux\n';
    assert.equal(allowed(robotstxt, 'FooBot', 'http://foo.bar/foo/bar/quz'), false);
    assert.equal(allowed(robotstxt, 'FooBot', 'http://foo.bar/foo/quz'), true);
    assert.equal(allowed(robotstxt, 'FooBot', 'http://foo.bar/foo//quz'), true);
    assert.equal(allowed(robotstxt, 'FooBot', 'http://foo.bar/foo/bax/quz'), true);
  });

  it('$ anchors the end of the path', () => {
    const robotstxt = 'User-agent: FooBot\nDisallow: /foo/bar$\nAllow: /foo/bar/qux\n';
    assert.equal(allowed(robotstxt, 'FooBot', 'http://foo.bar/foo/bar'), false);
    assert.equal(allowed(robotstxt, 'FooBot', 'http://foo.bar/foo/bar/qux'), true);
    assert.equal(allowed(robotstxt, 'FooBot', 'http://foo.bar/foo/bar/'), true);
    assert.equal(allowed(robotstxt, 'FooBot', 'http://foo.bar/foo/bar/baz'), true);
  });

  it('# starts a comment', () => {
    const robotstxt = 'User-agent: FooBot\n# Disallow: /\nDisallow: /foo/quz#qux\nAllow: /\n';
    assert.equal(allowed(robotstxt, 'FooBot', 'http://foo.bar/foo/bar'), true);
    assert.equal(allowed(robotstxt, 'FooBot', 'http://foo.bar/foo/quz'), false);
  });
});

describe('google/robotstxt: Google-only behaviour', () => {
  it('GoogleOnly_IndexHTMLisDirectory: allowing index.html allows the directory', () => {
    const robotstxt = 'User-Agent: *\nAllow: /allowed-slash/index.html\nDisallow: /\n';
    assert.equal(allowed(robotstxt, 'foobot', 'http://foo.com/allowed-slash/'), true);
    assert.equal(allowed(robotstxt, 'foobot', 'http://foo.com/allowed-slash/index.htm'), false);
    assert.equal(allowed(robotstxt, 'foobot', 'http://foo.com/allowed-slash/index.html'), true);
    assert.equal(allowed(robotstxt, 'foobot', 'http://foo.com/anyother-url'), false);
  });

  it('GoogleOnly_LineTooLong: a rule is cut off after 8 x 2083 bytes', () => {
    const maxLine = 2083 * 8;
    // As robots_test.cc builds them: the line end counts, so the pattern is cut one character after `longline`.
    const longline = '/x/' + 'a'.repeat(maxLine - 'disallow: '.length + 1 - 6);
    const robotstxt = `user-agent: FooBot\ndisallow: ${longline}/qux\n`;
    assert.equal(allowed(robotstxt, 'FooBot', 'http://foo.bar/fux'), true);
    assert.equal(allowed(robotstxt, 'FooBot', `http://foo.bar${longline}/fux`), false);

    const a = '/x/' + 'a'.repeat(maxLine - 'allow: '.length + 1 - 6);
    const b = '/x/' + 'b'.repeat(maxLine - 'allow: '.length + 1 - 6);
    const second = `user-agent: FooBot\ndisallow: /\nallow: ${a}/qux\nallow: ${b}/qux\n`;
    assert.equal(allowed(second, 'FooBot', 'http://foo.bar/'), false);
    assert.equal(allowed(second, 'FooBot', `http://foo.bar${a}/qux`), true);
    assert.equal(allowed(second, 'FooBot', `http://foo.bar${b}/fux`), true);
  });

  it('GoogleOnly_DocumentationChecks: /*.php and /*.php$ against the documented URLs', () => {
    const php = 'user-agent: FooBot\ndisallow: /\nallow: /*.php\n';
    for (const path of ['/filename.php', '/folder/filename.php', '/folder/filename.php?parameters', '//folder/any.php.file.html', '/filename.php/', '/index?f=filename.php/']) {
      assert.equal(allowed(php, 'FooBot', `http://foo.bar${path}`), true, path);
    }
    for (const path of ['/bar', '/php/', '/index?php', '/windows.PHP']) assert.equal(allowed(php, 'FooBot', `http://foo.bar${path}`), false, path);
    const anchored = 'user-agent: FooBot\ndisallow: /\nallow: /*.php$\n';
    for (const path of ['/filename.php', '/folder/filename.php']) assert.equal(allowed(anchored, 'FooBot', `http://foo.bar${path}`), true, path);
    for (const path of ['/bar', '/filename.php?parameters', '/filename.php/', '/filename.php5', '/php/', '/filename?php', '/aaaphpaaa', '//windows.PHP']) {
      assert.equal(allowed(anchored, 'FooBot', `http://foo.bar${path}`), false, path);
    }
  });
});
