-- CIS Lens in a second real LSP client: headless Neovim 0.7 (Debian 12's `neovim`).
-- Run by test/neovim/run.ts:
--   nvim --headless -u NONE -i NONE -n --cmd 'filetype on' -c 'luafile test/neovim/check.lua' seeds/articles/000_….txt
-- Env: CIS_LENS_SERVER (server .js, started as `node <it> --stdio`), NVIM_RESULTS (JSON output file),
--      NVIM_TIMEOUT_MS (per wait, default 30000), NVIM_FILETYPE (optional: force a filetype before attaching;
--      by default the buffer keeps Neovim's own `text`, which the client sends as languageId).
-- Writes { filetype, client_started, initialized, diagnostics = [...], hover = "...", definition, symbols, log }
-- and exits 0 (`qa!`); a Lua error exits non-zero (`cq`) after writing what it has.

local out = os.getenv('NVIM_RESULTS') or 'nvim-results.json'
local server = os.getenv('CIS_LENS_SERVER') or 'dist/server.js'
local timeout = tonumber(os.getenv('NVIM_TIMEOUT_MS') or '30000')
local res = { filetype = vim.bo.filetype, diagnostics = {}, log = {} }

local function note(msg) table.insert(res.log, msg) end

local function write()
  local f = assert(io.open(out, 'w'))
  f:write(vim.fn.json_encode(res))
  f:close()
end

-- Text of a hover result: MarkupContent | MarkedString | MarkedString[].
local function hover_text(contents)
  if type(contents) == 'string' then return contents end
  if type(contents) ~= 'table' then return '' end
  if contents.value then return contents.value end
  local parts = {}
  for _, c in ipairs(contents) do table.insert(parts, hover_text(c)) end
  return table.concat(parts, '\n')
end

local function main()
  local ft = os.getenv('NVIM_FILETYPE')
  if ft and ft ~= '' then vim.bo.filetype = ft end
  res.filetype = vim.bo.filetype

  local exited = nil
  local id = vim.lsp.start_client({
    name = 'cis-lens',
    cmd = { 'node', server, '--stdio' },
    root_dir = vim.fn.getcwd(),
    on_exit = function(code, signal) exited = { code = code, signal = signal } end,
  })
  res.client_started = id ~= nil
  if not id then error('vim.lsp.start_client returned nil (cmd: node ' .. server .. ' --stdio)') end
  vim.lsp.buf_attach_client(0, id)

  local function ready()
    local c = vim.lsp.get_client_by_id(id)
    return c ~= nil and c.initialized == true
  end
  vim.wait(timeout, function() return exited ~= nil or ready() end, 50)
  res.initialized = ready()
  if exited then error('server exited during start-up: ' .. vim.inspect(exited)) end
  if not res.initialized then error('server did not finish initialize within ' .. timeout .. ' ms') end

  res.got_diagnostics = vim.wait(timeout, function() return #vim.diagnostic.get(0) > 0 end, 50)
  for _, d in ipairs(vim.diagnostic.get(0)) do
    local code = d.code
    if code == nil and d.user_data and d.user_data.lsp then code = d.user_data.lsp.code end
    table.insert(res.diagnostics, {
      lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col,
      source = d.source, code = code and tostring(code) or vim.NIL, message = d.message, severity = d.severity,
    })
  end

  -- position of the first whole-word "Putin"
  local line_nr, col
  for i, l in ipairs(vim.api.nvim_buf_get_lines(0, 0, -1, false)) do
    local s = l:find('%f[%w]Putin%f[%W]')
    if s then
      local _, u16 = vim.str_utfindex(l, s - 1) -- UTF-16 units before the word
      line_nr, col = i - 1, u16 + 1             -- +1: inside the word
      break
    end
  end
  if not line_nr then error('no "Putin" in the buffer') end
  local params = { textDocument = { uri = vim.uri_from_bufnr(0) }, position = { line = line_nr, character = col } }
  res.hover_position = params.position

  local deadline = vim.loop.now() + timeout
  res.hover = ''
  repeat
    local responses = vim.lsp.buf_request_sync(0, 'textDocument/hover', params, timeout)
    for _, r in pairs(responses or {}) do
      if r.error then note('hover error: ' .. vim.inspect(r.error)) end
      if r.result and r.result.contents then res.hover = hover_text(r.result.contents) end
    end
    if res.hover:find('Vladimir Putin', 1, true) then break end
    vim.wait(200)
  until vim.loop.now() > deadline

  -- informational: definition and document symbols as this client sees them
  local def = vim.lsp.buf_request_sync(0, 'textDocument/definition', params, timeout)
  for _, r in pairs(def or {}) do res.definition = r.result or r.error end
  local sym = vim.lsp.buf_request_sync(0, 'textDocument/documentSymbol', { textDocument = params.textDocument }, timeout)
  for _, r in pairs(sym or {}) do
    if r.result then
      res.symbols = {}
      for _, s in ipairs(r.result) do
        local children = {}
        for _, c in ipairs(s.children or {}) do table.insert(children, c.name) end
        table.insert(res.symbols, { name = s.name, children = children })
      end
    end
  end

  vim.lsp.stop_client(id)
end

local ok, err = pcall(main)
if not ok then res.error = tostring(err) end
write()
if ok then vim.cmd('qa!') else vim.cmd('cq') end
