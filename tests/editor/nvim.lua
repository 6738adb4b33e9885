-- `folio lsp` with Neovim as its client, run headless by `tests/integration/editor.rs`:
--
--   FOLIO_BIN=… FOLIO_ROOT=… FOLIO_FILE=… FOLIO_RESULT=… \
--     nvim --headless -u NONE -i NONE -c 'luafile tests/editor/nvim.lua'
--
-- A translator opens `FOLIO_FILE` (the Polish `site.ftl` of a copy of the repository's
-- project), deletes the `[few]` variant of `site-reading-time` without saving, sees the
-- finding, hovers on the id for the English text, takes the quick fix, and renames a term from
-- a use typed into the buffer (a refusal, then the rename). Neovim does all the
-- talking: incremental changes, its own conversion of the published diagnostics, its own
-- application of the workspace edit. Written with what Neovim 0.7 (Debian bookworm) has, which
-- later versions still have.
--
-- The first line of `FOLIO_RESULT` is `OK` or `FAILED: <why>`; what Neovim saw follows. A
-- failure also exits with status 1.

local bin = assert(os.getenv('FOLIO_BIN'), 'FOLIO_BIN is not set')
local root = assert(os.getenv('FOLIO_ROOT'), 'FOLIO_ROOT is not set')
local file = assert(os.getenv('FOLIO_FILE'), 'FOLIO_FILE is not set')
local result_path = assert(os.getenv('FOLIO_RESULT'), 'FOLIO_RESULT is not set')

local FEW = '        [few] { $minutes } minuty czytania'
local FIX_TITLE = 'Add the missing plural variants'
local WAIT_MS = 10000

local seen = {}
local function say(...)
  local parts = {}
  for i = 1, select('#', ...) do
    parts[i] = tostring(select(i, ...))
  end
  table.insert(seen, table.concat(parts, ' '))
end

-- Every `textDocument/publishDiagnostics` for the file, in order: the version it was for and
-- its codes.
local published = {}
-- The server's exit, once it has stopped.
local exited = nil

local function finish(failure)
  local head = failure and ('FAILED: ' .. failure) or 'OK'
  local out = assert(io.open(result_path, 'w'))
  out:write(head, '\n', table.concat(seen, '\n'), '\n')
  if failure then
    -- Neovim's own log of the session (messages it could not handle land here).
    local log = io.open(vim.lsp.get_log_path(), 'r')
    if log then
      out:write('--- ', vim.lsp.get_log_path(), '\n', log:read('*a'))
      log:close()
    end
  end
  out:close()
  vim.cmd(failure and 'cquit 1' or 'qa!')
end

local function check(ok, why)
  if not ok then
    error({ failure = why }, 0)
  end
end

local function wait_for(what, condition)
  check(vim.wait(WAIT_MS, condition, 20), 'timed out waiting for ' .. what)
end

--- The one line of `lines` (1-based) equal to `wanted`, or containing it when `within`.
local function find_line(lines, wanted, within)
  local found = nil
  for i, line in ipairs(lines) do
    if line == wanted or (within and line:find(wanted, 1, true)) then
      check(found == nil, 'more than one line with `' .. wanted .. '`')
      found = i
    end
  end
  check(found ~= nil, 'no line with `' .. wanted .. '`')
  return found
end

local function buffer_lines(buf)
  return vim.api.nvim_buf_get_lines(buf, 0, -1, false)
end

--- The diagnostics the server published last, as Neovim keeps them.
local function folio_diagnostics(buf)
  return vim.tbl_filter(function(d)
    return d.source == 'folio'
  end, vim.diagnostic.get(buf))
end

--- A diagnostic as LSP has it again (what `vim.lsp.buf.code_action` sends as the context);
--- the line is ASCII, so its byte columns are its UTF-16 ones.
local function to_lsp(d)
  return {
    range = {
      start = { line = d.lnum, character = d.col },
      ['end'] = { line = d.end_lnum, character = d.end_col },
    },
    severity = d.severity,
    message = d.message,
    source = d.source,
    code = d.code,
  }
end

--- The one answer of client `id` to `method`.
local function request(buf, id, method, params)
  local answers, err = vim.lsp.buf_request_sync(buf, method, params, WAIT_MS)
  check(answers ~= nil, method .. ': no answer (' .. tostring(err) .. ')')
  local answer = answers[id]
  check(answer ~= nil, method .. ': no answer from folio')
  check(answer.err == nil and answer.error == nil, method .. ': error ' .. vim.inspect(answer.err or answer.error))
  say(method, '→', vim.inspect(answer.result, { newline = ' ', indent = '' }))
  return answer.result
end

local function run()
  -- 1. Open the file, start `folio lsp` and attach it.
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local buf = vim.api.nvim_get_current_buf()
  vim.bo[buf].filetype = 'fluent'
  local uri = vim.uri_from_bufnr(buf)
  local original = buffer_lines(buf)
  local id = vim.lsp.start_client({
    name = 'folio',
    cmd = { bin, 'lsp' },
    root_dir = root,
    handlers = {
      ['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
        if result and vim.uri_to_fname(result.uri) == vim.api.nvim_buf_get_name(buf) then
          local codes = vim.tbl_map(function(d)
            return d.code
          end, result.diagnostics)
          table.insert(published, { version = result.version, codes = codes })
          say('publishDiagnostics', 'version', result.version, vim.inspect(codes))
        end
        return vim.lsp.diagnostic.on_publish_diagnostics(err, result, ctx, config)
      end,
      ['window/showMessage'] = function(_, result)
        say('showMessage', vim.inspect(result))
      end,
      ['window/logMessage'] = function(_, result)
        say('logMessage', vim.inspect(result))
      end,
    },
    on_exit = function(code, signal)
      exited = { code = code, signal = signal }
    end,
  })
  check(id ~= nil, 'vim.lsp.start_client did not start `' .. bin .. ' lsp`')
  check(vim.lsp.buf_attach_client(buf, id), 'vim.lsp.buf_attach_client failed')
  local client = vim.lsp.get_client_by_id(id)
  wait_for('the server to initialize', function()
    return client.initialized or exited ~= nil
  end)
  check(exited == nil, 'the server exited: ' .. vim.inspect(exited))
  say('offset encoding', client.offset_encoding)

  -- The server has caught up when its last publication is for the buffer's version (it sends
  -- the version each publication is for; without one, this would never hold).
  local function caught_up()
    local last = published[#published]
    return last ~= nil and last.version == vim.lsp.util.buf_versions[buf]
  end

  -- 2. The file as on disk: nothing to report.
  wait_for('the diagnostics of the file as opened', caught_up)
  check(#folio_diagnostics(buf) == 0, 'findings in the file as opened: ' .. vim.inspect(folio_diagnostics(buf)))

  -- A translator deletes the `[few]` variant (unsaved).
  local few = find_line(original, FEW)
  vim.api.nvim_buf_set_lines(buf, few - 1, few, false, {})
  local broken = buffer_lines(buf)
  check(not vim.tbl_contains(broken, FEW), 'the `[few]` line is still there')

  -- 3. The finding, on the `[one]` key of that message (0-based lines, as Neovim has them).
  local finding = nil
  wait_for('a `missing-plural-category` finding', function()
    for _, d in ipairs(folio_diagnostics(buf)) do
      if d.code == 'missing-plural-category' then
        finding = d
        return true
      end
    end
    return false
  end)
  say('finding', vim.inspect(finding, { newline = ' ', indent = '' }))
  local one = find_line(buffer_lines(buf), '[one] { $minutes }', true) - 1
  check(finding.lnum == one, ('the finding is on line %d, not on the `[one]` line %d'):format(finding.lnum, one))
  check(finding.message:find('`few`', 1, true) ~= nil, 'the message does not name `few`: ' .. finding.message)
  check(finding.severity == vim.diagnostic.severity.WARN, 'not a warning: ' .. tostring(finding.severity))
  check(caught_up(), 'the finding is not for the buffer as it is')

  -- 4. Hover on the message's id: the English text.
  local id_line = find_line(buffer_lines(buf), 'site-reading-time =') - 1
  local hover = request(buf, id, 'textDocument/hover', {
    textDocument = { uri = uri },
    position = { line = id_line, character = 3 },
  })
  check(hover ~= nil and hover.contents ~= nil, 'no hover')
  local shown = type(hover.contents) == 'table' and (hover.contents.value or vim.inspect(hover.contents))
    or tostring(hover.contents)
  check(shown:find('Reading time: { $minutes } minutes', 1, true) ~= nil, 'the hover has no English text: ' .. shown)

  -- 5. The quick fix, as `vim.lsp.buf.code_action` asks for it, applied by Neovim.
  local lsp_finding = to_lsp(finding)
  local actions = request(buf, id, 'textDocument/codeAction', {
    textDocument = { uri = uri },
    range = lsp_finding.range,
    context = { diagnostics = { lsp_finding } },
  })
  local action = nil
  for _, a in ipairs(actions or {}) do
    if a.title == FIX_TITLE then
      action = a
    end
  end
  check(action ~= nil, 'no code action titled `' .. FIX_TITLE .. '`')
  check(action.edit ~= nil, 'the action has no edit')
  vim.lsp.util.apply_workspace_edit(action.edit, client.offset_encoding)
  -- The variant comes back as a copy of the default one, just before it; nothing else changes.
  local fixed = buffer_lines(buf)
  local expected = vim.deepcopy(broken)
  table.insert(expected, find_line(broken, '*[other] { $minutes } minuty czytania', true), FEW)
  check(vim.api.nvim_get_current_buf() == buf, 'the edit opened another buffer')
  check(vim.deep_equal(fixed, expected), 'the fixed buffer is not the one expected:\n' .. table.concat(fixed, '\n'))
  wait_for('the diagnostics of the fixed buffer', caught_up)
  check(#folio_diagnostics(buf) == 0, 'findings after the fix: ' .. vim.inspect(folio_diagnostics(buf)))

  -- 6. Rename a term from a use of it typed into the buffer (unsaved): Neovim applies the
  -- workspace edit to this buffer and to the other locales' files, which it loads.
  vim.api.nvim_buf_set_lines(buf, -1, -1, false, { 'site-extra = { -smp }' })
  local use_line = #buffer_lines(buf) - 1
  local at = { textDocument = { uri = uri }, position = { line = use_line, character = 16 } }
  local prepared = request(buf, id, 'textDocument/prepareRename', at)
  check(prepared.placeholder == '-smp', 'prepareRename names ' .. vim.inspect(prepared))
  local refused = vim.lsp.buf_request_sync(buf, 'textDocument/rename', vim.tbl_extend('force', at, { newName = '-smp-long' }), WAIT_MS)
  local why = refused and refused[id] and (refused[id].err or refused[id].error)
  check(why and why.message:find('exists already', 1, true), 'a rename to a name in use was not refused: ' .. vim.inspect(refused))
  local edit = request(buf, id, 'textDocument/rename', vim.tbl_extend('force', at, { newName = '-smp-short' }))
  vim.lsp.util.apply_workspace_edit(edit, client.offset_encoding)
  check(buffer_lines(buf)[use_line + 1] == 'site-extra = { -smp-short }', 'the buffer was not renamed: ' .. buffer_lines(buf)[use_line + 1])
  local english = vim.fn.bufadd(root .. '/locales/en-US/smp-removal.ftl')
  vim.fn.bufload(english)
  check(find_line(buffer_lines(english), '-smp-short = SMP') ~= nil, 'the reference was not renamed')

  -- The server shuts down and exits cleanly when Neovim stops it.
  vim.lsp.stop_client(id)
  wait_for('the server to exit', function()
    return exited ~= nil
  end)
  check(exited.code == 0 and exited.signal == 0, 'the server exited with ' .. vim.inspect(exited))
end

local ok, err = pcall(run)
if ok then
  finish(nil)
else
  finish(type(err) == 'table' and err.failure or ('Lua error: ' .. tostring(err)))
end
